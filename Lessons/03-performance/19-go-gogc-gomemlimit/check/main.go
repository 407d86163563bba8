// Hidden harness: calls the learner's Configure once, then runs a fixed
// workload in two phases and counts garbage collections with runtime/metrics.
//
//   steady: 16 MiB stays live while requests allocate 512 MiB of short-lived
//           64-byte objects. At most maxSteadyCycles collections.
//   burst:  the live data grows to 112 MiB (a cache fills up) while requests
//           allocate another 128 MiB.
//
// In both phases the memory the Go runtime holds (what GOMEMLIMIT limits:
// /memory/classes/total minus /memory/classes/heap/released) must stay at or
// under budgetMiB. A phase stops early when it breaks the budget or when the
// collector has run thrashCycles times.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

const (
	mib             = 1 << 20
	budgetMiB       = 160
	maxSteadyCycles = 10
	thrashCycles    = 100
)

// node is one 64-byte heap object with a pointer, like a small request struct.
type node struct {
	next *node
	v    [7]int64
}

var (
	sink    *node
	samples = []metrics.Sample{
		{Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/goal:bytes"},
	}
)

// read returns the completed collections, the memory the runtime holds,
// and the current heap goal.
func read() (cycles, held, goal uint64) {
	metrics.Read(samples)
	return samples[0].Value.Uint64(), samples[1].Value.Uint64() - samples[2].Value.Uint64(), samples[3].Value.Uint64()
}

type result struct {
	cycles   uint64
	peak     uint64
	goal     uint64
	doneMiB  int
	overAt   int // MiB of requests done when the budget broke, or -1
	thrashed bool
}

func phase(liveMiB, churnMiB int) result {
	live := make([][]byte, 0, liveMiB)
	for i := 0; i < liveMiB; i++ {
		b := make([]byte, mib)
		b[0] = 1
		live = append(live, b)
	}
	runtime.GC() // start from a known state; not counted
	start, _, goal := read()
	r := result{goal: goal, overAt: -1}
	requests := churnMiB * mib / (64 * 64)
	for i := 0; i < requests; i++ {
		var req *node
		for j := 0; j < 64; j++ {
			req = &node{next: req, v: [7]int64{int64(j)}}
		}
		sink = req
		if i%16 != 0 {
			continue
		}
		cycles, held, _ := read()
		r.cycles = cycles - start
		r.doneMiB = (i + 1) * 64 * 64 / mib
		if held > r.peak {
			r.peak = held
		}
		if held > budgetMiB*mib {
			r.overAt = r.doneMiB
			break
		}
		if r.cycles >= thrashCycles {
			r.thrashed = true
			break
		}
	}
	end, _, _ := read()
	r.cycles = end - start
	runtime.KeepAlive(live)
	return r
}

func report(name string, r result, churnMiB int) bool {
	ok := true
	goal := "none"
	if r.goal < 1<<50 {
		goal = fmt.Sprintf("%d MiB", r.goal/mib)
	}
	fmt.Printf("%s: %d collections, peak %d MiB held by the runtime (heap goal after a full collection: %s)\n",
		name, r.cycles, (r.peak+mib-1)/mib, goal)
	if r.overAt >= 0 {
		fmt.Printf("FAIL: %s: the runtime held more than the %d MiB budget after %d of %d MiB of requests; stopped there\n",
			name, budgetMiB, r.overAt, churnMiB)
		ok = false
	}
	if r.thrashed {
		fmt.Printf("FAIL: %s: %d collections after only %d of %d MiB of requests: the collector is thrashing (is the memory limit close to or below the live data?)\n",
			name, r.cycles, r.doneMiB, churnMiB)
		ok = false
	}
	return ok
}

func describe() string {
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	gogc := fmt.Sprintf("GOGC=%d", percent)
	if percent < 0 {
		gogc = "GOGC=off"
	}
	limit := debug.SetMemoryLimit(-1)
	if limit >= 1<<62 {
		return gogc + ", no memory limit"
	}
	return fmt.Sprintf("%s, memory limit %.1f MiB", gogc, float64(limit)/mib)
}

func main() {
	before := runtime.NumGoroutine()
	Configure()
	if runtime.NumGoroutine() != before {
		fmt.Println("FAIL: Configure started a goroutine; it should only set GOGC and the memory limit")
		return
	}
	fmt.Println("settings:", describe())

	steady := phase(16, 512)
	ok := report("steady (16 MiB live, 512 MiB of requests)", steady, 512)
	if steady.overAt < 0 && !steady.thrashed && steady.cycles > maxSteadyCycles {
		fmt.Printf("FAIL: steady: %d collections; at most %d allowed. Each one marks the live data: let the heap grow further before collecting\n",
			steady.cycles, maxSteadyCycles)
		ok = false
	}
	burst := phase(112, 128)
	ok = report("burst (112 MiB live, 128 MiB of requests)", burst, 128) && ok
	if !ok {
		return // exit 0, so the check shows this output; it passes only on the line below
	}
	fmt.Printf("gc tuning: ok (at most %d collections in the steady phase, never over %d MiB)\n", maxSteadyCycles, budgetMiB)
}
