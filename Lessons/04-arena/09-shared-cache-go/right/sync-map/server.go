// A price service with a cache: GET /price?item=ID answers {"item":"ID","price_cents":N}.
// Run it with `go run . 8080` and try `curl 'http://127.0.0.1:8080/price?item=A1'`.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"sync"
)

type answer struct {
	Item       string `json:"item"`
	PriceCents uint64 `json:"price_cents"`
}

// prices keeps its cache in a sync.Map, made for keys written once and read many times.
type prices struct {
	cache sync.Map // string -> uint64
}

func newPrices() *prices {
	return &prices{}
}

func (p *prices) get(item string) uint64 {
	if price, ok := p.cache.Load(item); ok {
		return price.(uint64)
	}
	price := quote(item)
	p.cache.Store(item, price)
	return price
}

func validItem(item string) bool {
	if len(item) == 0 || len(item) > 16 {
		return false
	}
	for i := 0; i < len(item); i++ {
		c := item[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func newHandler() http.Handler {
	p := newPrices()
	mux := http.NewServeMux()
	mux.HandleFunc("/price", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		item := r.URL.Query().Get("item")
		if !validItem(item) {
			w.WriteHeader(http.StatusBadRequest)
			json.NewEncoder(w).Encode(map[string]string{"error": "bad item"})
			return
		}
		json.NewEncoder(w).Encode(answer{item, p.get(item)})
	})
	return mux
}

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, newHandler()))
}
