// A session service that keeps every session in memory: GET /report?id=N answers the last
// pages user N visited. Run it with `go run . 8080` and try
// `curl 'http://127.0.0.1:8080/report?id=7'`. Tune its garbage collector in tuning.go.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

const sessionCount = 300000

type session struct {
	user    string
	history []string
}

// sessions is the large live heap: about 70 MB of small objects full of pointers, which
// every garbage collection cycle must trace.
var sessions = make(map[int]*session, sessionCount)

func fill() {
	for i := 0; i < sessionCount; i++ {
		s := &session{user: "user" + strconv.Itoa(i)}
		for h := 0; h < 4; h++ {
			s.history = append(s.history, fmt.Sprintf("/page/%d/%d", i, h))
		}
		sessions[i] = s
	}
}

// report builds a fresh answer for every request in a buffer sized for the largest report:
// a quarter of a megabyte of short-lived garbage per request for the collector.
func report(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil || id < 0 {
		http.Error(w, `{"error":"bad id"}`, http.StatusBadRequest)
		return
	}
	s := sessions[id%sessionCount]
	visits := make([]string, 0, 16)
	for i := 0; i < 16; i++ {
		visits = append(visits, fmt.Sprintf("%s visited %s (%d)", s.user, s.history[i%len(s.history)], i))
	}
	buffer := bytes.NewBuffer(make([]byte, 0, 256<<10))
	json.NewEncoder(buffer).Encode(map[string]any{"user": s.user, "visits": visits})
	w.Header().Set("Content-Type", "application/json")
	w.Write(buffer.Bytes())
}

func main() {
	configureGC()
	fill()
	http.HandleFunc("/report", report)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Args[1], nil))
}
