// Package textkit is a tiny text module, vendored into the course.
package textkit

import "strings"

// Words splits s into words at every character that is not a letter or a digit.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}
