package main

import "sync"

// SumSquares squares every number in nums, sharing the work among `workers`
// goroutines, and returns the sum of the squares.
func SumSquares(nums []int, workers int) int {
	jobs := make(chan int)
	total := 0

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				total += n * n
			}
		}()
	}

	for _, n := range nums {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	return total
}
