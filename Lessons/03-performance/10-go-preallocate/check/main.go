// Hidden harness: checks the answers, then counts heap allocations per call
// with testing.AllocsPerRun (an exact count, the same on every run) and
// reports the bytes each call allocates.
// On a failure it prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

type User struct {
	ID     int
	Active bool
}

func bytesPerCall(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 100; i++ {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / 100
}

func plural(allocs float64) string {
	if allocs == 1 {
		return "1 allocation"
	}
	return fmt.Sprintf("%.0f allocations", allocs)
}

func main() {
	ok := true

	idCases := []struct {
		in   []User
		want []int
	}{
		{nil, []int{}},
		{[]User{{7, false}}, []int{}},
		{[]User{{1, true}, {2, false}, {3, true}, {40, true}}, []int{1, 3, 40}},
	}
	for _, c := range idCases {
		got := ActiveIDs(c.in)
		if len(got) != len(c.want) || (len(got) > 0 && !reflect.DeepEqual(got, c.want)) {
			fmt.Printf("FAIL: ActiveIDs(%v) = %v, want %v\n", c.in, got, c.want)
			ok = false
		}
	}
	// Each call must return its own slice: a buffer reused from call to
	// call would change a result the caller still holds.
	first := ActiveIDs([]User{{1, true}, {2, false}, {3, true}})
	ActiveIDs([]User{{9, true}, {8, true}, {7, true}})
	if !reflect.DeepEqual(first, []int{1, 3}) {
		fmt.Printf("FAIL: a second call to ActiveIDs changed the first call's result to %v (want [1 3]): both share one backing array. Each call must return a slice of its own.\n", first)
		ok = false
	}
	lineCases := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"only"}, "only"},
		{[]string{"id", "", "name", "héllo"}, "id,,name,héllo"},
	}
	for _, c := range lineCases {
		if got := CSVLine(c.in); got != c.want {
			fmt.Printf("FAIL: CSVLine(%q) = %q, want %q\n", c.in, got, c.want)
			ok = false
		}
	}
	if !ok {
		return
	}
	fmt.Println("answers: ok")

	users := make([]User, 5000)
	wantIDs := 0
	for i := range users {
		users[i] = User{ID: i, Active: i%3 != 0}
		if users[i].Active {
			wantIDs++
		}
	}
	fields := make([]string, 500)
	for i := range fields {
		fields[i] = "field" + strconv.Itoa(i)
	}
	if got := ActiveIDs(users); len(got) != wantIDs || got[0] != 1 || got[len(got)-1] != 4999 {
		fmt.Printf("FAIL: ActiveIDs on 5,000 users returned %d ids, want %d\n", len(got), wantIDs)
		return
	}
	if got := CSVLine(fields); got != strings.Join(fields, ",") {
		fmt.Println("FAIL: CSVLine on 500 fields gave the wrong line")
		return
	}

	var ids []int
	var line string
	idAllocs := testing.AllocsPerRun(100, func() { ids = ActiveIDs(users) })
	lineAllocs := testing.AllocsPerRun(100, func() { line = CSVLine(fields) })
	idBytes := bytesPerCall(func() { ids = ActiveIDs(users) })
	lineBytes := bytesPerCall(func() { line = CSVLine(fields) })
	fmt.Printf("ActiveIDs, 5,000 users (%d active): %s, %d bytes allocated per call (the result holds %d bytes)\n",
		wantIDs, plural(idAllocs), idBytes, wantIDs*8)
	fmt.Printf("CSVLine, 500 fields: %s, %d bytes allocated per call (the result holds %d bytes)\n",
		plural(lineAllocs), lineBytes, len(line))
	_ = ids
	if idAllocs > 1 {
		fmt.Printf("FAIL: ActiveIDs allocates %.0f times per call: the slice regrows as it fills. Give it its capacity up front, once.\n", idAllocs)
		ok = false
	}
	if lineAllocs > 1 {
		fmt.Printf("FAIL: CSVLine allocates %.0f times per call. Build the line in one buffer sized up front.\n", lineAllocs)
		ok = false
	}
	if ok {
		fmt.Println("allocations: ok (one per call)")
	}
}
