package main

import "runtime/debug"

// Configure: few collections while the live data is small, but the heap
// may grow to 9x whatever is live, and nothing caps it when that grows.
func Configure() {
	debug.SetGCPercent(800)
}
