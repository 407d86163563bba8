package main

import "runtime/debug"

// Configure is called once at start-up, before the service handles any
// request. It is the place to tune the garbage collector, as setting GOGC
// and GOMEMLIMIT in the environment would.
func Configure() {
	// No GOGC goal at all: the memory limit alone decides when to collect,
	// as the Go GC guide describes for a program that owns its memory budget.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(140 << 20)
}
