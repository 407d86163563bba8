package main

import (
	"strings"

	"example.com/textkit"
)

// Slug turns a title into its words, in lower case, joined by "-".
func Slug(title string) string {
	// TODO: join the words with "-", in lower case.
	return strings.Join(textkit.Words(title), " ")
}
