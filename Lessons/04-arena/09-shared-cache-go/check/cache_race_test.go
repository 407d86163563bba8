package main

// The course's race test of arena.shared-cache-go: the learner's handler from 8 goroutines at
// once, over items that are new (map writes) and cached (map reads), under `go test -race`.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestPricesFromManyGoroutines(t *testing.T) {
	handler := newHandler()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 12; i++ {
				item := fmt.Sprintf("R%d", (i+g)%16)
				recorder := httptest.NewRecorder()
				handler.ServeHTTP(recorder, httptest.NewRequest("GET", "/price?item="+item, nil))
				want := fmt.Sprintf(`"price_cents":%d`, quote(item))
				if recorder.Code != http.StatusOK || !strings.Contains(recorder.Body.String(), want) {
					t.Errorf("GET /price?item=%s answered %d %q, want 200 with %s", item, recorder.Code, recorder.Body.String(), want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
