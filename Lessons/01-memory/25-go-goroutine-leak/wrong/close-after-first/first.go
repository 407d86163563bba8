package main

// Search asks one replica of a search service.
type Search func(query string) string

// First sends query to every replica at once and returns the first answer
// that arrives. The slower replicas' answers are not needed.
func First(query string, replicas []Search) string {
	results := make(chan string)
	// Closing the channel does not release a blocked sender: a send on a
	// closed channel panics.
	defer close(results)
	for _, replica := range replicas {
		go func(search Search) {
			results <- search(query)
		}(replica)
	}
	return <-results
}
