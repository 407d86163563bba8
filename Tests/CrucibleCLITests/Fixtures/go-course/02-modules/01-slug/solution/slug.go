package main

import (
	"strings"

	"example.com/textkit"
)

// Slug turns a title into its words, in lower case, joined by "-".
func Slug(title string) string {
	return strings.ToLower(strings.Join(textkit.Words(title), "-"))
}
