package main

// Longest returns the longest of words (the first of equally long ones), or "" for none.
func Longest(words []string) string {
	longest := ""
	for _, w := range words {
		if len(w) > len(longest) {
			longest = w
		}
	}
	return longest
}
