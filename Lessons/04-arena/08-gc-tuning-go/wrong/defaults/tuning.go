package main

// configureGC keeps Go's defaults (GOGC=100, no memory limit): the baseline itself.
func configureGC() {}
