// The correctness client of arena.shared-cache-go: exact prices one by one, then from 16
// goroutines at once over 64 new items, so a cache map without a lock is written concurrently.
//
//	client 127.0.0.1:PORT
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

var address string

var client = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}

// ask returns "" when GET /price?item=ITEM answered exactly, else what was wrong.
func ask(target string, status int, want map[string]any) string {
	response, err := client.Get("http://" + address + target)
	if err != nil {
		return fmt.Sprintf("GET %s: %v (did the server die? its output is in the learner step)", target, err)
	}
	raw, err := io.ReadAll(response.Body)
	response.Body.Close()
	if err != nil {
		return fmt.Sprintf("GET %s: reading the body: %v", target, err)
	}
	if response.StatusCode != status {
		return fmt.Sprintf("GET %s answered %d, want %d (body %q)", target, response.StatusCode, status, raw)
	}
	if want == nil {
		return ""
	}
	if contentType := response.Header.Get("Content-Type"); !strings.HasPrefix(contentType, "application/json") {
		return fmt.Sprintf("GET %s: Content-Type is %q, want application/json", target, contentType)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		return fmt.Sprintf("GET %s: the body %q is not a JSON object", target, raw)
	}
	wantJSON, _ := json.Marshal(want)
	var wantValue map[string]any
	json.Unmarshal(wantJSON, &wantValue)
	if fmt.Sprint(got) != fmt.Sprint(wantValue) {
		return fmt.Sprintf("GET %s: body %s, want %s", target, strings.TrimSpace(string(raw)), wantJSON)
	}
	return ""
}

func price(item string) map[string]any {
	return map[string]any{"item": item, "price_cents": quote(item)}
}

func must(problem string) {
	if problem != "" {
		fmt.Println("prices: " + problem)
		os.Exit(1)
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: client 127.0.0.1:PORT")
		os.Exit(2)
	}
	address = os.Args[1]
	for _, item := range []string{"A1", "A1", "B2", "zebra", "A1"} {
		must(ask("/price?item="+item, 200, price(item)))
	}
	for _, query := range []string{"", "?item=", "?item=a-b", "?item=" + strings.Repeat("x", 17)} {
		must(ask("/price"+query, 400, map[string]any{"error": "bad item"}))
	}
	must(ask("/prices?item=A1", 404, nil))

	const workers, items = 16, 64
	expected := make(map[string]map[string]any, items)
	for i := 0; i < items; i++ {
		item := fmt.Sprintf("C%d", i)
		expected[item] = price(item)
	}
	problems := make(chan string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 2*items; i++ {
				item := fmt.Sprintf("C%d", (i*5+w*3)%items)
				if problem := ask("/price?item="+item, 200, expected[item]); problem != "" {
					problems <- problem
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(problems)
	if problem, found := <-problems; found {
		must(fmt.Sprintf("with %d goroutines asking at once: %s", workers, problem))
	}
	fmt.Printf("prices: ok (10 answers one by one, %d from %d goroutines at once)\n", workers*2*items, workers)
}
