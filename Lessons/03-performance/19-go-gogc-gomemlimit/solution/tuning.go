package main

import "runtime/debug"

// Configure is called once at start-up, before the service handles any
// request. It is the place to tune the garbage collector, as setting GOGC
// and GOMEMLIMIT in the environment would.
func Configure() {
	// Let the heap grow to 5x the live data between collections (GOGC=400):
	// a quarter as many cycles as the default in the steady state.
	debug.SetGCPercent(400)
	// A soft ceiling (GOMEMLIMIT=140MiB) on everything the runtime holds.
	// When the live data grows, the collector runs as often as it must to
	// stay under it, instead of letting the heap grow to 5x.
	debug.SetMemoryLimit(140 << 20)
}
