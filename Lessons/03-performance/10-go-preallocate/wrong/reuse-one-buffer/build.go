package main

import "strings"

// ActiveIDs returns the IDs of the active users, in order.
func ActiveIDs(users []User) []int {
	// One buffer kept from call to call: no allocation once it is big
	// enough, but every result shares it, so the next call overwrites
	// the last one's IDs.
	ids := idBuffer[:0]
	for _, u := range users {
		if u.Active {
			ids = append(ids, u.ID)
		}
	}
	idBuffer = ids
	return ids
}

var idBuffer []int

// CSVLine joins the fields with commas: ["a", "b"] gives "a,b".
func CSVLine(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	n := len(fields) - 1 // the commas
	for _, f := range fields {
		n += len(f)
	}
	var b strings.Builder
	b.Grow(n) // the one allocation: String() returns these bytes without copying
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f)
	}
	return b.String()
}
