package main

import "runtime/debug"

// configureGC adds a memory limit but keeps GOGC at 25: the limit only ever adds cycles.
func configureGC() {
	debug.SetGCPercent(25)
	debug.SetMemoryLimit(320 << 20)
}
