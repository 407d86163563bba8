package main

import (
	"sync"
	"time"
)

// FetchAll calls fetch for every id, each call in its own goroutine so that
// they all wait for the network at the same time, and returns the results
// in the order of ids.
// Wrong: the sleep gives the goroutines time to reach wg.Add, so it usually
// works, but nothing makes Add happen before Wait.
func FetchAll(ids []int, fetch func(id int) string) []string {
	results := make([]string, len(ids))

	var wg sync.WaitGroup
	for i, id := range ids {
		go func(i, id int) {
			wg.Add(1)
			defer wg.Done()
			results[i] = fetch(id)
		}(i, id)
	}
	time.Sleep(10 * time.Millisecond)
	wg.Wait()
	return results
}
