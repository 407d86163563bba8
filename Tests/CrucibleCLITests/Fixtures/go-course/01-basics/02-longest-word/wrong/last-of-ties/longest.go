package main

// Longest keeps the last of equally long words.
func Longest(words []string) string {
	longest := ""
	for _, w := range words {
		if len(w) >= len(longest) {
			longest = w
		}
	}
	return longest
}
