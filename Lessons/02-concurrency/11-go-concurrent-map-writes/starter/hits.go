package main

import "sync"

// CountHits counts how many requests each path received. The request log is
// split among `workers` goroutines, and every request is one path.
func CountHits(paths []string, workers int) map[string]int {
	hits := make(map[string]int)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(paths); i += workers {
				hits[paths[i]]++ // every worker writes the one shared map
			}
		}(w)
	}
	wg.Wait()
	return hits
}
