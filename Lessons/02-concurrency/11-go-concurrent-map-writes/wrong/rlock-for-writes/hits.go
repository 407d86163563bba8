package main

import "sync"

// CountHits counts how many requests each path received. The request log is
// split among `workers` goroutines, and every request is one path.
// Wrong: RLock lets any number of goroutines in at once, so the writes
// still overlap.
func CountHits(paths []string, workers int) map[string]int {
	hits := make(map[string]int)
	var mu sync.RWMutex

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(paths); i += workers {
				mu.RLock()
				hits[paths[i]]++
				mu.RUnlock()
			}
		}(w)
	}
	wg.Wait()
	return hits
}
