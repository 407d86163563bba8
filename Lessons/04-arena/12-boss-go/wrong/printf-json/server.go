// The order service: POST /orders totals an order, GET /health says it is up.
// Run it with `go run . 8080`, then:
//
//	curl -i -d '{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":250}]}' http://127.0.0.1:8080/orders
package main

import (
	"encoding/json"
	"fmt"
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
	// The customer's name goes into the JSON unescaped.
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"customer":"%s","items":%d,"total_cents":%d}`, o.Customer, len(o.Items), total)
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
