package main

import "sync"

// SumSquares squares every number in nums, sharing the work among `workers`
// goroutines, and returns the sum of the squares.
func SumSquares(nums []int, workers int) int {
	jobs := make(chan int)
	results := make(chan int)

	// Fan out: each worker keeps its own partial sum and sends it once.
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial := 0
			for n := range jobs {
				partial += n * n
			}
			results <- partial
		}()
	}

	go func() {
		for _, n := range nums {
			jobs <- n
		}
		close(jobs)
	}()

	// Fan in: close results when every worker has sent its partial sum.
	go func() {
		wg.Wait()
		close(results)
	}()

	total := 0
	for partial := range results {
		total += partial
	}
	return total
}
