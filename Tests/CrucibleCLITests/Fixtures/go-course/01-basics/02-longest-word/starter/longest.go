package main

// Longest returns the longest of words (the first of equally long ones), or "" for none.
func Longest(words []string) string {
	// TODO: find the longest word.
	return ""
}
