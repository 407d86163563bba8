package main

import "fmt"

// AppendSummary appends "name=value" pairs separated by ";" to dst and
// returns the extended slice, for example "cpu=93;mem=41".
func AppendSummary(dst []byte, readings []Reading) []byte {
	s := ""
	for i, r := range readings {
		if i > 0 {
			s += ";" // a new string every time
		}
		s += fmt.Sprintf("%s=%d", r.Name, r.Value) // and another, plus Sprintf's own
	}
	return append(dst, s...)
}
