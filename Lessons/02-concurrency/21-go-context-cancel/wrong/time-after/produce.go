package main

import (
	"context"
	"time"
)

// Produce computes compute(1), compute(2), ... and sends each result on out,
// until ctx is cancelled or its deadline passes. Then it returns ctx.Err().
// Wrong: a timeout on each send is not cancellation. It never looks at ctx,
// so it drops the value and goes on computing.
func Produce(ctx context.Context, compute func(n int) int, out chan<- int) error {
	for n := 1; ; n++ {
		v := compute(n)
		select {
		case out <- v:
		case <-time.After(50 * time.Millisecond):
		}
	}
}
