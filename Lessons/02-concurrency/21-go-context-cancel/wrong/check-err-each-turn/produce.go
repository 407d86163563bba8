package main

import "context"

// Produce computes compute(1), compute(2), ... and sends each result on out,
// until ctx is cancelled or its deadline passes. Then it returns ctx.Err().
// Wrong: the context is checked on every turn, but a turn can block forever
// in the send, where nobody looks at the context.
func Produce(ctx context.Context, compute func(n int) int, out chan<- int) error {
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		out <- compute(n)
	}
}
