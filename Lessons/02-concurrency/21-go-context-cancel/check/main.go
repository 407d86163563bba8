// Hidden harness: runs the learner's Produce in a goroutine, as a caller
// would, and gives up on it in three ways:
//  1. it cancels while Produce waits to send, and stops reading: Produce
//     must return context.Canceled within 1 s, and runtime.NumGoroutine()
//     must fall back to what it was;
//  2. it cancels but keeps reading: Produce must stop computing and return;
//  3. the context's deadline passes: Produce must return
//     context.DeadlineExceeded.
// A correct Produce returns within microseconds of the cancel; 1 s is a wide
// margin for a busy machine.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

const patience = time.Second

// counter returns a compute function that counts its calls.
func counter() (func(int) int, *atomic.Int64) {
	var calls atomic.Int64
	return func(n int) int {
		calls.Add(1)
		return n * n
	}, &calls
}

func start(ctx context.Context, compute func(int) int, out chan int) chan error {
	errc := make(chan error, 1)
	go func() { errc <- Produce(ctx, compute, out) }()
	return errc
}

// receive reads n values from out and checks they are the first n squares.
func receive(out chan int, n int) error {
	for i := 1; i <= n; i++ {
		select {
		case v := <-out:
			if v != i*i {
				return fmt.Errorf("value %d was %d, want compute(%d) = %d", i, v, i, i*i)
			}
		case <-time.After(patience):
			return fmt.Errorf("Produce sent only %d values in 1 s", i-1)
		}
	}
	return nil
}

// waitUntilBlocked polls the goroutine stacks, for up to 1 s, until the
// goroutine running Produce is blocked on a channel operation ("chan send" or
// "select"): the moment a caller walks away is while Produce waits for it.
// Cancelling then, rather than at a random moment, makes the result the
// same on every run.
func waitUntilBlocked() {
	buf := make([]byte, 1<<20)
	giveUp := time.Now().Add(patience)
	for time.Now().Before(giveUp) {
		n := runtime.Stack(buf, true)
		for _, g := range strings.Split(string(buf[:n]), "\n\n") {
			header, _, _ := strings.Cut(g, "\n")
			if strings.Contains(g, "main.Produce(") &&
				(strings.Contains(header, "[chan send") || strings.Contains(header, "[select")) {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
}

// walkAway: the caller reads 5 values, waits until Produce is blocked
// sending the next one, cancels, and stops reading.
func walkAway() bool {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	compute, calls := counter()
	out := make(chan int)
	errc := start(ctx, compute, out)
	if err := receive(out, 5); err != nil {
		fmt.Println("FAIL: cancel and stop reading:", err)
		cancel()
		return false
	}
	waitUntilBlocked()
	cancel()
	atCancel := calls.Load()
	deadline := time.Now().Add(patience)
	var err error
	returned := false
	for time.Now().Before(deadline) {
		if !returned {
			select {
			case err = <-errc:
				returned = true
			default:
			}
		}
		if returned && runtime.NumGoroutine() <= before {
			break
		}
		time.Sleep(time.Millisecond)
	}
	now := runtime.NumGoroutine()
	if !returned {
		why := "It is stuck: nobody reads `out` any more, so a plain `out <- v` waits forever."
		if more := calls.Load() - atCancel; more > 1 {
			why = fmt.Sprintf("It computed %d more values that nobody will read: it never looks at ctx.", more)
		}
		fmt.Printf("FAIL: cancel and stop reading: 1 s after cancel, Produce has not returned. %s Its goroutine is still alive (%d goroutines now, %d before it started): a goroutine leak.\n",
			why, now, before)
		return false
	}
	if !errors.Is(err, context.Canceled) {
		fmt.Printf("FAIL: cancel and stop reading: Produce returned %v, want ctx.Err(), which is context.Canceled\n", err)
		return false
	}
	if now > before {
		fmt.Printf("FAIL: cancel and stop reading: Produce returned, but %d goroutines are still running, %d before it started: did it start one that never ends?\n", now, before)
		return false
	}
	fmt.Printf("cancel and stop reading: Produce returned %q; goroutines back to %d\n", err, now)
	return true
}

// keepReading: the caller reads 5 values, cancels, and goes on reading.
func keepReading(report chan<- string) {
	ctx, cancel := context.WithCancel(context.Background())
	compute, calls := counter()
	out := make(chan int)
	errc := start(ctx, compute, out)
	if err := receive(out, 5); err != nil {
		cancel()
		report <- "FAIL: cancel and keep reading: " + err.Error()
		return
	}
	cancel()
	atCancel := calls.Load()
	giveUp := time.After(patience)
	for {
		select {
		case <-out:
		case err := <-errc:
			if !errors.Is(err, context.Canceled) {
				report <- fmt.Sprintf("FAIL: cancel and keep reading: Produce returned %v, want ctx.Err(), which is context.Canceled", err)
			} else {
				report <- fmt.Sprintf("cancel and keep reading: Produce returned %q", err)
			}
			return
		case <-giveUp:
			report <- fmt.Sprintf("FAIL: cancel and keep reading: 1 s after cancel, Produce is still working: it computed %d more values and has not returned. Cancelling does not stop a goroutine; it must watch ctx.Done() itself.", calls.Load()-atCancel)
			return
		}
	}
}

// deadline: the context times out after 20 ms while the caller reads.
func deadline(report chan<- string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	compute, _ := counter()
	out := make(chan int)
	errc := start(ctx, compute, out)
	giveUp := time.After(20*time.Millisecond + patience)
	for {
		select {
		case <-out:
		case err := <-errc:
			if !errors.Is(err, context.DeadlineExceeded) {
				report <- fmt.Sprintf("FAIL: deadline: Produce returned %v, want ctx.Err(), which is context.DeadlineExceeded once the deadline passes", err)
			} else {
				report <- fmt.Sprintf("deadline: Produce returned %q", err)
			}
			return
		case <-giveUp:
			report <- "FAIL: deadline: 1 s after the context's deadline, Produce has not returned. A deadline closes ctx.Done() just as cancel does."
			return
		}
	}
}

func main() {
	ok := walkAway()
	report := make(chan string, 2)
	go keepReading(report)
	go deadline(report)
	for i := 0; i < 2; i++ {
		line := <-report
		fmt.Println(line)
		if len(line) >= 5 && line[:5] == "FAIL:" {
			ok = false
		}
	}
	if !ok {
		os.Exit(0)
	}
	fmt.Println("produce: ok")
}
