package main

// The course's window into the runtime, built into the learner's server and the baseline:
// when CRUCIBLE_STATS_PORT is set, the runtime's GC count and memory are served on that port,
// apart from the server's own mux.

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"runtime"
)

func init() {
	port := os.Getenv("CRUCIBLE_STATS_PORT")
	if port == "" {
		return
	}
	listener, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		json.NewEncoder(w).Encode(map[string]uint64{"gc": uint64(m.NumGC), "sys": m.Sys})
	})
	go http.Serve(listener, mux)
}
