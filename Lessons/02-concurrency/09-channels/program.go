package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	results := make(chan int)

	// Producer: sends 1..5, then closes jobs.
	go func() {
		for i := 1; i <= 5; i++ {
			jobs <- i
		}
		close(jobs)
	}()

	// Fan out: three workers take jobs from the same channel.
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				results <- n * n
			}
		}()
	}

	// Fan in: close results once every worker has finished.
	go func() {
		wg.Wait()
		close(results)
	}()

	count, sum := 0, 0
	for r := range results {
		count++
		sum += r
	}
	fmt.Println(count, sum)
}
