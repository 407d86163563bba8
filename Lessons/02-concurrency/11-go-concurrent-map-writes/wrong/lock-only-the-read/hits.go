package main

import "sync"

// CountHits counts how many requests each path received. The request log is
// split among `workers` goroutines, and every request is one path.
// Wrong: the lock covers the read, but the write happens outside it.
func CountHits(paths []string, workers int) map[string]int {
	hits := make(map[string]int)
	var mu sync.Mutex

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(paths); i += workers {
				mu.Lock()
				n := hits[paths[i]]
				mu.Unlock()
				hits[paths[i]] = n + 1
			}
		}(w)
	}
	wg.Wait()
	return hits
}
