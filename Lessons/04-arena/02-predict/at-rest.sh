#!/bin/sh
# The same tiny JSON service twice: Go with net/http, Rust with std::net and a
# thread per connection. The check runs `sh at-rest.sh sources`, builds both
# (go build, rustc -O), then runs `sh at-rest.sh measure PORT`: each server is
# started on a loopback port and, once it listens, its resident memory (VmRSS
# in /proc) is read while it waits for requests.
set -eu

if [ "$1" = sources ]; then
cat > server.go <<'GO'
package main

import (
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	})
	http.ListenAndServe("127.0.0.1:"+os.Args[1], nil)
}
GO

cat > server.rs <<'RS'
use std::io::{Read, Write};
use std::net::TcpListener;

fn main() {
    let port = std::env::args().nth(1).unwrap();
    let listener = TcpListener::bind(format!("127.0.0.1:{port}")).unwrap();
    for stream in listener.incoming() {
        let mut stream = stream.unwrap();
        std::thread::spawn(move || {
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            let body = "{\"ok\":true}";
            let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        });
    }
}
RS
exit 0
fi

port=$2

# Starts a server, waits until its port is listening (state 0A in /proc/net/tcp),
# prints its VmRSS in KiB, stops it.
listening=$(printf ':%04X 00000000:0000 0A' "$port")
resident_kib() {
    "./$1" "$port" & pid=$!
    until grep -q "$listening" /proc/net/tcp; do sleep 0.05; done
    kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$kib"
}
go_kib=$(resident_kib go-server)
rust_kib=$(resident_kib rust-server)
echo "Go server at rest: $go_kib KiB, Rust server at rest: $rust_kib KiB" >&2

if [ "$go_kib" -lt "$rust_kib" ]; then echo go; else echo rust; fi
