package main

import "strconv"

// AppendSummary appends "name=value" pairs separated by ";" to dst and
// returns the extended slice, for example "cpu=93;mem=41".
func AppendSummary(dst []byte, readings []Reading) []byte {
	for i, r := range readings {
		if i > 0 {
			dst = append(dst, ';')
		}
		dst = append(dst, r.Name...)
		dst = append(dst, '=')
		dst = strconv.AppendInt(dst, int64(r.Value), 10) // formats into dst: no allocation
	}
	return dst
}
