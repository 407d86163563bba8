package main

import "strings"

// ActiveIDs returns the IDs of the active users, in order.
func ActiveIDs(users []User) []int {
	ids := make([]int, 0, len(users))
	for _, u := range users {
		if u.Active {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// CSVLine joins the fields with commas: ["a", "b"] gives "a,b".
// A Builder without Grow still doubles its buffer as it fills.
func CSVLine(fields []string) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f)
	}
	return b.String()
}
