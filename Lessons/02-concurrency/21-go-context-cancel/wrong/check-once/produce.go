package main

import "context"

// Produce computes compute(1), compute(2), ... and sends each result on out,
// until ctx is cancelled or its deadline passes. Then it returns ctx.Err().
// Wrong: the context is looked at once, before the loop; the cancel comes
// later.
func Produce(ctx context.Context, compute func(n int) int, out chan<- int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for n := 1; ; n++ {
		out <- compute(n)
	}
}
