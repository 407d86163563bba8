// The order service: POST /orders totals an order, GET /health says it is up.
// Run it with `go run . 8080`, then:
//
//	curl -i -d '{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":250}]}' http://127.0.0.1:8080/orders
package main

import (
	"log"
	"net/http"
	"os"
)

func health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"ok":true}` + "\n"))
}

// orders answers {"customer":"ada","items":N,"total_cents":T} for a valid order, 400 otherwise.
func orders(w http.ResponseWriter, r *http.Request) {
	// TODO: decode the order with encoding/json and total it.
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotImplemented)
	w.Write([]byte(`{"error":"not implemented yet"}` + "\n"))
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
