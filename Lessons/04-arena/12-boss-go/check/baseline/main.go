// The reference order service of arena.boss-go: the baseline, loaded beside the learner's.
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
)

// Unsigned fields: encoding/json refuses a negative or fractional number for them.
type item struct {
	SKU        string `json:"sku"`
	Qty        uint64 `json:"qty"`
	PriceCents uint64 `json:"price_cents"`
}

type order struct {
	Customer string `json:"customer"`
	Items    []item `json:"items"`
}

type receipt struct {
	Customer   string `json:"customer"`
	Items      int    `json:"items"`
	TotalCents uint64 `json:"total_cents"`
}

type failure struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(value)
}

func health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func orders(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, failure{"reading the body: " + err.Error()})
		return
	}
	var o order
	// Unmarshal, unlike a Decoder, also refuses anything after the JSON value.
	if err := json.Unmarshal(body, &o); err != nil {
		writeJSON(w, http.StatusBadRequest, failure{err.Error()})
		return
	}
	var total uint64
	for _, it := range o.Items {
		total += it.Qty * it.PriceCents
	}
	writeJSON(w, http.StatusOK, receipt{o.Customer, len(o.Items), total})
}

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/health", health)
	mux.HandleFunc("/orders", orders)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
