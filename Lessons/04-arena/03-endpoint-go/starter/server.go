// A JSON endpoint: GET /hello?name=NAME answers {"greeting":"hello, NAME"}.
// Run it with `go run . 8080` and try `curl -i 'http://127.0.0.1:8080/hello?name=ada'`.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	fmt.Fprintf(w, `{"greeting":"hello, %s"}`, name)
}

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", hello)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
