// The correctness client of arena.endpoint-go: asks the learner's server for exact answers
// before any load, so a fast wrong server fails here with the request and what was wrong.
//
//	client 127.0.0.1:PORT
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"reflect"
	"strings"
	"time"
)

var address string

var client = &http.Client{Timeout: 10 * time.Second}

func fail(format string, args ...any) {
	fmt.Printf("endpoint: "+format+"\n", args...)
	os.Exit(1)
}

// expect asks GET target and requires the status, a JSON Content-Type and exactly the body
// (compared as JSON values, so spacing and a trailing newline do not matter).
func expect(target string, status int, body map[string]any) {
	response, err := client.Get("http://" + address + target)
	if err != nil {
		fail("GET %s: %v", target, err)
	}
	raw, err := io.ReadAll(response.Body)
	response.Body.Close()
	if err != nil {
		fail("GET %s: reading the body: %v", target, err)
	}
	if response.StatusCode != status {
		fail("GET %s answered %d, want %d (body %q)", target, response.StatusCode, status, raw)
	}
	if status == http.StatusNotFound {
		return // any body will do for a 404
	}
	contentType := response.Header.Get("Content-Type")
	if !strings.HasPrefix(contentType, "application/json") {
		fail("GET %s: Content-Type is %q, want application/json (set it before WriteHeader or the first Write)", target, contentType)
	}
	var got any
	if err := json.Unmarshal(raw, &got); err != nil {
		fail("GET %s: the body %q is not JSON: %v", target, raw, err)
	}
	want := any(body)
	wantJSON, _ := json.Marshal(body)
	if !reflect.DeepEqual(normalise(got), normalise(want)) {
		fail("GET %s: body %s, want %s", target, strings.TrimSpace(string(raw)), wantJSON)
	}
}

// normalise makes a decoded value and a literal map comparable.
func normalise(value any) any {
	data, _ := json.Marshal(value)
	var out any
	json.Unmarshal(data, &out)
	return out
}

// keepAlive sends three requests on one TCP connection, one after another, as wrk does.
func keepAlive() {
	conn, err := net.DialTimeout("tcp", address, 10*time.Second)
	if err != nil {
		fail("connecting for the keep-alive test: %v", err)
	}
	defer conn.Close()
	reader := bufio.NewReader(conn)
	for i := 1; i <= 3; i++ {
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(conn, "GET /hello?name=ada HTTP/1.1\r\nHost: %s\r\n\r\n", address)
		response, err := http.ReadResponse(reader, nil)
		if err != nil {
			fail("request %d of 3 on one keep-alive connection: %v (the server must keep HTTP/1.1 connections open)", i, err)
		}
		io.Copy(io.Discard, response.Body)
		response.Body.Close()
		if response.StatusCode != http.StatusOK {
			fail("request %d of 3 on one keep-alive connection answered %d, want 200", i, response.StatusCode)
		}
		if response.Close {
			fail("request %d of 3 on one keep-alive connection: the server answered `Connection: close`; wrk reuses connections, so every request would pay for a new one", i)
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: client 127.0.0.1:PORT")
		os.Exit(2)
	}
	address = os.Args[1]
	for _, name := range []string{"ada", "Grace", "x", "0", "R2D2", strings.Repeat("ab12", 8)} {
		expect("/hello?name="+name, 200, map[string]any{"greeting": "hello, " + name})
	}
	bad := map[string]any{"error": "bad name"}
	for _, query := range []string{"", "?name=", "?nom=ada", "?name=" + strings.Repeat("a", 33),
		"?name=a-b", "?name=a%22b", "?name=a%20b", "?name=%C3%A9t%C3%A9", "?name=ada%0A"} {
		expect("/hello"+query, 400, bad)
	}
	for _, path := range []string{"/", "/hell", "/hello/ada", "/greeting?name=ada"} {
		expect(path, 404, nil)
	}
	keepAlive()
	fmt.Println("endpoint: ok (15 answers, 4 unknown paths, 3 requests on one connection)")
}
