package main

import (
	"strings"

	"example.com/textkit"
)

// Slug forgets the lower case.
func Slug(title string) string {
	return strings.Join(textkit.Words(title), "-")
}
