package main

import "sync"

// FetchAll calls fetch for every id, each call in its own goroutine so that
// they all wait for the network at the same time, and returns the results
// in the order of ids.
func FetchAll(ids []int, fetch func(id int) string) []string {
	results := make([]string, len(ids))

	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1) // before `go`: Wait cannot miss it
		go func(i, id int) {
			defer wg.Done()
			results[i] = fetch(id)
		}(i, id)
	}
	wg.Wait()
	return results
}
