// Hidden harness: checks that First returns a fast replica's answer while a
// slow one is still working, then calls First 200 times with 4 replicas each, then counts
// goroutines with runtime.NumGoroutine, waiting up to 2 seconds for the
// replicas' goroutines to finish. Goroutines still alive then are leaked:
// it reports how many, what they are blocked on, and the stack memory
// they hold.
// On a failure it prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when "goroutines: ok" is printed.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"time"
)

const (
	calls    = 200
	replicas = 4
)

func replica(i int) Search {
	return func(query string) string {
		if i > 0 {
			time.Sleep(time.Duration(i) * 50 * time.Microsecond)
		}
		return fmt.Sprintf("replica %d: results for %q", i, query)
	}
}

// blockedOn counts goroutines by the state runtime.Stack prints for them,
// such as "chan send".
func blockedOn() map[string]int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	states := map[string]int{}
	for _, line := range bytes.Split(buf, []byte("\n")) {
		s := string(line)
		if strings.HasPrefix(s, "goroutine ") && strings.HasSuffix(s, "]:") {
			state := s[strings.Index(s, "[")+1 : len(s)-2]
			if i := strings.Index(state, ","); i >= 0 {
				state = state[:i] // drop ", 2 minutes" and the like
			}
			states[state]++
		}
	}
	return states
}

func stackInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

func main() {
	var rs []Search
	for i := 0; i < replicas; i++ {
		rs = append(rs, replica(i))
	}
	// The answer must be one of the replicas' answers.
	got := First("go", rs)
	if !strings.HasPrefix(got, "replica ") || !strings.HasSuffix(got, `: results for "go"`) {
		fmt.Printf("FAIL: First returned %q, which no replica answered\n", got)
		return
	}
	if got := First("one", rs[:1]); got != `replica 0: results for "one"` {
		fmt.Printf("FAIL: First with one replica returned %q\n", got)
		return
	}
	// First must not wait for a slow replica: one that answers only when
	// released must not delay the answer of a fast one.
	release := make(chan struct{})
	slow := func(query string) string {
		<-release
		return "slow replica: results for " + query
	}
	done := make(chan string, 1)
	go func() { done <- First("fast", []Search{slow, rs[0]}) }()
	select {
	case got := <-done:
		if got != `replica 0: results for "fast"` {
			close(release)
			fmt.Printf("FAIL: with a replica that never answered, First returned %q instead of the fast replica's answer\n", got)
			return
		}
	case <-time.After(2 * time.Second):
		close(release)
		fmt.Println("FAIL: First did not return within 2 s while one replica was still working: it must return the first answer that arrives, not wait for every replica (or ask them one after another)")
		return
	}
	close(release)
	fmt.Println("answers: ok")

	// Let the two calls above settle, then take the baseline.
	time.Sleep(20 * time.Millisecond)
	baseline := runtime.NumGoroutine()
	statesBefore := blockedOn()
	stackBefore := stackInUse()
	for i := 0; i < calls; i++ {
		First(fmt.Sprintf("query %d", i), rs)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > baseline && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	leaked := runtime.NumGoroutine() - baseline
	fmt.Printf("%d calls to First with %d replicas started %d goroutines\n", calls, replicas, calls*replicas)
	fmt.Printf("goroutines still alive after the last call returned (waiting up to 2 s): %d\n", leaked)
	if leaked <= 0 {
		fmt.Println("goroutines: ok")
		return
	}
	fmt.Printf("stack memory they hold: %d KiB (StackInuse grew by %d bytes)\n",
		(int64(stackInUse())-int64(stackBefore))/1024, int64(stackInUse())-int64(stackBefore))
	for state, n := range blockedOn() {
		if extra := n - statesBefore[state]; state != "running" && extra > 0 {
			fmt.Printf("of them, in state [%s]: %d\n", state, extra)
		}
	}
	fmt.Printf("FAIL: %d goroutines leaked, %.1f per call. A goroutine blocked on a channel that nobody will ever use again is never collected: it keeps its stack and everything it references until the program exits. Every replica's goroutine must be able to finish after First returns.\n",
		leaked, float64(leaked)/calls)
}
