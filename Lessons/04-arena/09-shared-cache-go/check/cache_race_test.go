package main

// The course's race test of arena.shared-cache-go, run with `go test -race`: 4 goroutines ask
// for one cached item (map reads) for as long as 4 others ask for new items (map writes), in
// 3 rounds with a new cache each. The check runs it with GORACE=history_size=7: with the
// default history a busy reader's past accesses are forgotten before the detector can name
// them, and the race went unreported in 3 and 8 runs of 20 (starter, lock-only-writes, on the
// loaded 2-core machine); with it, 20 of 20 each. The readers also yield after each read.
// It calls the cache directly, not the handler: net/http's and fmt's sync.Pools hand buffers
// from goroutine to goroutine, and the race detector counts each hand-over as an ordering,
// which would hide most of the unsynchronised map accesses.

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

func TestPricesFromManyGoroutines(t *testing.T) {
	for round := 1; round <= 3 && !t.Failed(); round++ {
		askFromManyGoroutines(t, round)
	}
}

func askFromManyGoroutines(t *testing.T, round int) {
	cache := newPrices()
	const shared = "S0"
	want := map[string]uint64{shared: quote(shared)}
	items := make([][]string, 4)
	for g := range items {
		for i := 0; i < 8; i++ {
			item := fmt.Sprintf("R%dG%dN%d", round, g, i)
			items[g] = append(items[g], item)
			want[item] = quote(item)
		}
	}
	if got := cache.get(shared); got != want[shared] {
		t.Fatalf("get(%q) = %d, want %d", shared, got, want[shared])
	}
	wrong := make(chan string, 8)
	writersDone := make(chan struct{})
	var readers, writers sync.WaitGroup
	for g := range items {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for i := 0; i < 100000; i++ {
				select {
				case <-writersDone:
					return
				default:
				}
				if got := cache.get(shared); got != want[shared] {
					wrong <- shared
					return
				}
				runtime.Gosched()
			}
		}()
		writers.Add(1)
		go func(mine []string) {
			defer writers.Done()
			for _, item := range mine {
				if got := cache.get(item); got != want[item] {
					wrong <- item
					return
				}
			}
		}(items[g])
	}
	writers.Wait()
	close(writersDone)
	readers.Wait()
	close(wrong)
	for item := range wrong {
		t.Errorf("get(%q) from 8 goroutines at once did not return %d", item, want[item])
	}
}
