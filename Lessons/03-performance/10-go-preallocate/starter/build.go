package main

// ActiveIDs returns the IDs of the active users, in order.
func ActiveIDs(users []User) []int {
	var ids []int
	for _, u := range users {
		if u.Active {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// CSVLine joins the fields with commas: ["a", "b"] gives "a,b".
func CSVLine(fields []string) string {
	line := ""
	for i, f := range fields {
		if i > 0 {
			line += ","
		}
		line += f
	}
	return line
}
