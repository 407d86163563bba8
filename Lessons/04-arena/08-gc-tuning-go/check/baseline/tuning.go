package main

// configureGC keeps Go's defaults: the baseline.
func configureGC() {}
