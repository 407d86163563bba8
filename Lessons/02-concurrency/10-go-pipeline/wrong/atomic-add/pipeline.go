package main

import (
	"sync"
	"sync/atomic"
)

// SumSquares squares every number in nums, sharing the work among `workers`
// goroutines, and returns the sum of the squares.
// Race-free, but every worker still adds into one shared total.
func SumSquares(nums []int, workers int) int {
	jobs := make(chan int)
	var total int64

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				atomic.AddInt64(&total, int64(n*n))
			}
		}()
	}

	for _, n := range nums {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	return int(atomic.LoadInt64(&total))
}
