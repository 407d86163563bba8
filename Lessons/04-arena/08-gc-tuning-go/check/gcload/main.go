// The load of arena.gc-tuning-go: sends REQUESTS requests to /report over 16 keep-alive
// connections and prints the GC cycles they caused and the memory the server holds after,
// from the runtime's own figures, as crucible-metric lines.
//
//	gcload SUBJECT ADDRESS STATS_ADDRESS REQUESTS
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

type stats struct {
	GC  uint64 `json:"gc"`
	Sys uint64 `json:"sys"`
}

func read(address string) stats {
	response, err := http.Get("http://" + address + "/")
	if err != nil {
		fmt.Printf("gcload: reading the runtime's figures from %s: %v\n", address, err)
		os.Exit(1)
	}
	defer response.Body.Close()
	var s stats
	json.NewDecoder(response.Body).Decode(&s)
	return s
}

func main() {
	subject, address, statsAddress := os.Args[1], os.Args[2], os.Args[3]
	total, _ := strconv.Atoi(os.Args[4])
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}, Timeout: 10 * time.Second}
	before := read(statsAddress)
	start := time.Now()
	var mu sync.Mutex
	var latencies []time.Duration
	errors := 0
	var wg sync.WaitGroup
	for c := 0; c < 16; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			mine := make([]time.Duration, 0, total/16)
			bad := 0
			for i := c; i < total; i += 16 {
				t := time.Now()
				response, err := client.Get(fmt.Sprintf("http://%s/report?id=%d", address, i))
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, response.Body)
				response.Body.Close()
				if response.StatusCode != 200 {
					bad++
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			errors += bad
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	after := read(statsAddress)
	if len(latencies) == 0 {
		fmt.Printf("gcload: none of the %d requests to %s was answered\n", total, address)
		os.Exit(1)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p := func(q float64) float64 { return float64(latencies[int(q*float64(len(latencies)-1))].Microseconds()) }
	fmt.Printf("crucible-metric %s.gc_cycles %d count\n", subject, after.GC-before.GC)
	fmt.Printf("crucible-metric %s.heap_sys %d B\n", subject, after.Sys)
	fmt.Printf("crucible-metric %s.throughput %.6g req/s\n", subject, float64(total)/elapsed.Seconds())
	fmt.Printf("crucible-metric %s.latency_p50 %.0f us\n", subject, p(0.5))
	fmt.Printf("crucible-metric %s.latency_p99 %.0f us\n", subject, p(0.99))
	fmt.Printf("crucible-metric %s.errors %d count\n", subject, errors)
}
