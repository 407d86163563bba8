package main

import "runtime/debug"

// Configure is called once at start-up, before the service handles any
// request. It is the place to tune the garbage collector, as setting GOGC
// and GOMEMLIMIT in the environment would.
func Configure() {
	debug.SetGCPercent(100) // the default: collect when the heap has grown 100% beyond the live data
}
