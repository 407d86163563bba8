package main

import "runtime/debug"

// configureGC runs first thing in main. Whoever wrote it wanted a small heap.
func configureGC() {
	debug.SetGCPercent(25)
}
