package main

import "runtime/debug"

// Configure: no collections at all, and nothing to stop the heap growing.
func Configure() {
	debug.SetGCPercent(-1)
}
