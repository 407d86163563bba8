package main

// Last returns the last element of xs.
func Last(xs []int) int {
	return xs[len(xs)-1]
}

// Count still writes to a nil map.
func Count(words []string) map[string]int {
	var counts map[string]int
	for _, w := range words {
		counts[w]++
	}
	return counts
}
