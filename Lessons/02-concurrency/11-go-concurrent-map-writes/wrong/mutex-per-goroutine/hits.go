package main

import "sync"

// CountHits counts how many requests each path received. The request log is
// split among `workers` goroutines, and every request is one path.
// Wrong: each goroutine declares its own mutex, so no two goroutines ever
// contend for the same lock.
func CountHits(paths []string, workers int) map[string]int {
	hits := make(map[string]int)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mu sync.Mutex
			for i := w; i < len(paths); i += workers {
				mu.Lock()
				hits[paths[i]]++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	return hits
}
