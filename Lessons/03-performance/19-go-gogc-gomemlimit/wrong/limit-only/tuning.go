package main

import "runtime/debug"

// Configure: a memory limit alone only ever adds collections; with GOGC at
// its default the heap never gets near it.
func Configure() {
	debug.SetMemoryLimit(150 << 20)
}
