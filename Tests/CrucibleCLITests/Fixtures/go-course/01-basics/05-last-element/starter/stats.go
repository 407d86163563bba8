package main

// Last returns the last element of xs.
func Last(xs []int) int {
	return xs[len(xs)]
}

// Count returns how often each word occurs.
func Count(words []string) map[string]int {
	var counts map[string]int
	for _, w := range words {
		counts[w]++
	}
	return counts
}
