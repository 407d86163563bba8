package main

import "runtime/debug"

// Configure: GOGC off and a limit only a little above the steady live data:
// the collector runs every few MiB, and in the burst it runs nonstop.
func Configure() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(24 << 20)
}
