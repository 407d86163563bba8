package main

import "context"

// Produce computes compute(1), compute(2), ... and sends each result on out,
// until ctx is cancelled or its deadline passes. Then it returns ctx.Err().
func Produce(ctx context.Context, compute func(n int) int, out chan<- int) error {
	for n := 1; ; n++ {
		out <- compute(n) // waits for as long as nobody reads
	}
}
