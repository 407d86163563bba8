// Hidden harness: checks the text, then counts heap allocations per call
// with testing.AllocsPerRun and reports how many collections 200,000 calls
// cause.
package main

import (
	"fmt"
	"os"
	"runtime"
	"testing"
)

type Reading struct {
	Name  string
	Value int
}

func main() {
	cases := []struct {
		in   []Reading
		want string
	}{
		{nil, ""},
		{[]Reading{{"cpu", 93}}, "cpu=93"},
		{[]Reading{{"cpu", 93}, {"mem", 41}, {"disk", -7}, {"temp", 0}}, "cpu=93;mem=41;disk=-7;temp=0"},
	}
	for _, c := range cases {
		if got := string(AppendSummary(nil, c.in)); got != c.want {
			fmt.Printf("wrong summary for %v: got %q, want %q\n", c.in, got, c.want)
			os.Exit(1)
		}
	}
	if got := string(AppendSummary([]byte("host1 "), cases[1].in)); got != "host1 cpu=93" {
		fmt.Printf("AppendSummary must append to dst: got %q, want %q\n", got, "host1 cpu=93")
		os.Exit(1)
	}
	fmt.Println("summary: answers ok")

	readings := []Reading{{"cpu", 93}, {"mem", 41}, {"disk", 77}, {"net", 12345}, {"temp", 61}}
	buf := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(1000, func() {
		buf = AppendSummary(buf[:0], readings)
	})

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 200000; i++ {
		buf = AppendSummary(buf[:0], readings)
	}
	runtime.ReadMemStats(&after)
	fmt.Printf("allocations per call: %.0f\n", allocs)
	fmt.Printf("200,000 calls: %d bytes allocated, %d garbage collections\n",
		after.TotalAlloc-before.TotalAlloc, after.NumGC-before.NumGC)
	if allocs > 0 {
		fmt.Println("too many allocations: with a reused buffer, a call needs none")
		os.Exit(1)
	}
	fmt.Println("allocations: ok")
}
