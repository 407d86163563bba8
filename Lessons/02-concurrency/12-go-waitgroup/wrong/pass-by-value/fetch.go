package main

import "sync"

// fetchOne stores one result and tells the WaitGroup it is done.
// Wrong: wg is a copy, so Done decrements the copy's counter and the
// caller's Wait never sees it.
func fetchOne(wg sync.WaitGroup, results []string, i, id int, fetch func(id int) string) {
	defer wg.Done()
	results[i] = fetch(id)
}

// FetchAll calls fetch for every id, each call in its own goroutine so that
// they all wait for the network at the same time, and returns the results
// in the order of ids.
func FetchAll(ids []int, fetch func(id int) string) []string {
	results := make([]string, len(ids))

	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go fetchOne(wg, results, i, id, fetch)
	}
	wg.Wait()
	return results
}
