// The correctness client of arena.boss-go: asks the learner's order service for exact answers
// before any load, so a fast wrong server fails here with the request and what was wrong.
//
//	client 127.0.0.1:PORT
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

var address string

var client = &http.Client{Timeout: 10 * time.Second}

func fail(format string, args ...any) {
	fmt.Printf("orders: "+format+"\n", args...)
	os.Exit(1)
}

func short(text string) string {
	text = strings.TrimSpace(text)
	if len(text) > 120 {
		return text[:117] + "..."
	}
	return text
}

// ask sends the request and returns the status and the body, requiring a JSON Content-Type
// unless the status is 404.
func ask(method, path, body string) (int, []byte) {
	what := method + " " + path
	if body != "" {
		what += " " + short(body)
	}
	request, _ := http.NewRequest(method, "http://"+address+path, strings.NewReader(body))
	if body != "" {
		request.Header.Set("Content-Type", "application/json")
	}
	response, err := client.Do(request)
	if err != nil {
		fail("%s: %v", what, err)
	}
	raw, err := io.ReadAll(response.Body)
	response.Body.Close()
	if err != nil {
		fail("%s: reading the body: %v", what, err)
	}
	if response.StatusCode != http.StatusNotFound {
		if contentType := response.Header.Get("Content-Type"); !strings.HasPrefix(contentType, "application/json") {
			fail("%s: Content-Type is %q, want application/json", what, contentType)
		}
	}
	return response.StatusCode, raw
}

// object decodes a JSON object, keeping numbers exact.
func object(what string, raw []byte) map[string]any {
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var value map[string]any
	if err := decoder.Decode(&value); err != nil || value == nil {
		fail("%s: the body %q is not a JSON object", what, short(string(raw)))
	}
	return value
}

func expectReceipt(body, customer string, items int, total uint64) {
	what := "POST /orders " + short(body)
	status, raw := ask("POST", "/orders", body)
	if status != http.StatusOK {
		fail("%s answered %d, want 200 (body %s)", what, status, short(string(raw)))
	}
	got := object(what, raw)
	want := fmt.Sprintf(`{"customer":%s,"items":%d,"total_cents":%d}`, quote(customer), items, total)
	if len(got) != 3 || got["customer"] != customer || fmt.Sprint(got["items"]) != fmt.Sprint(items) ||
		fmt.Sprint(got["total_cents"]) != fmt.Sprint(total) {
		fail("%s: body %s, want %s", what, short(string(raw)), want)
	}
}

func quote(text string) string {
	data, _ := json.Marshal(text)
	return string(data)
}

func expectRejected(body, why string) {
	what := "POST /orders " + short(body) + " (" + why + ")"
	status, raw := ask("POST", "/orders", body)
	if status != http.StatusBadRequest {
		fail("%s answered %d, want 400 (body %s)", what, status, short(string(raw)))
	}
	if message, ok := object(what, raw)["error"].(string); !ok || message == "" {
		fail("%s: body %s, want {\"error\":\"…\"} with a message", what, short(string(raw)))
	}
}

func items(count int, qty, price uint64) string {
	parts := make([]string, count)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"sku":"S%d","qty":%d,"price_cents":%d}`, i, qty, price)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// keepAlive sends three orders on one TCP connection, one after another, as wrk does.
func keepAlive() {
	conn, err := net.DialTimeout("tcp", address, 10*time.Second)
	if err != nil {
		fail("connecting for the keep-alive test: %v", err)
	}
	defer conn.Close()
	reader := bufio.NewReader(conn)
	body := `{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":250}]}`
	for i := 1; i <= 3; i++ {
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(conn, "POST /orders HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", address, len(body), body)
		response, err := http.ReadResponse(reader, nil)
		if err != nil {
			fail("order %d of 3 on one keep-alive connection: %v (the server must keep HTTP/1.1 connections open)", i, err)
		}
		io.Copy(io.Discard, response.Body)
		response.Body.Close()
		if response.StatusCode != http.StatusOK {
			fail("order %d of 3 on one keep-alive connection answered %d, want 200", i, response.StatusCode)
		}
		if response.Close {
			fail("order %d of 3 on one keep-alive connection: the server answered `Connection: close`; wrk reuses connections", i)
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: client 127.0.0.1:PORT")
		os.Exit(2)
	}
	address = os.Args[1]

	status, raw := ask("GET", "/health", "")
	if got := object("GET /health", raw); status != http.StatusOK || len(got) != 1 || got["ok"] != true {
		fail("GET /health answered %d %s, want 200 {\"ok\":true}", status, short(string(raw)))
	}

	expectReceipt(`{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":250}]}`, "ada", 1, 500)
	expectReceipt(`{"customer":"grace","items":[{"sku":"A1","qty":2,"price_cents":250},{"sku":"B2","qty":1,"price_cents":1999},{"sku":"C3","qty":0,"price_cents":700}]}`, "grace", 3, 2499)
	expectReceipt(`{"customer":"ada","items":[]}`, "ada", 0, 0)
	expectReceipt(` { "items" : [ {"price_cents":5,"qty":7,"sku":"Z"} ] , "customer" : "lin" } `, "lin", 1, 35)
	expectReceipt(`{"customer":"O'Brien \"the boss\" \u00e9","items":[{"sku":"A1","qty":1,"price_cents":1}]}`, "O'Brien \"the boss\" é", 1, 1)
	expectReceipt(`{"customer":"bob","items":`+items(200, 3, 41)+`}`, "bob", 200, 200*3*41)
	// 3 × 3002399751580331 = 2^53 + 1: a float64 total loses the last cent.
	expectReceipt(`{"customer":"big","items":[{"sku":"X","qty":3,"price_cents":3002399751580331}]}`, "big", 1, 9007199254740993)

	expectRejected(``, "an empty body")
	expectRejected(`not json`, "not JSON")
	expectRejected(`{"customer":"ada","items":[`, "cut short")
	expectRejected(`{"customer":"ada","items":[{"sku":"A1","qty":-1,"price_cents":250}]}`, "a negative qty")
	expectRejected(`{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":-250}]}`, "a negative price")
	expectRejected(`{"customer":"ada","items":[{"sku":"A1","qty":2.5,"price_cents":250}]}`, "a fractional qty")
	expectRejected(`{"customer":"ada","items":[{"sku":"A1","qty":"2","price_cents":250}]}`, "qty as a string")
	expectRejected(`{"customer":"ada","items":{"sku":"A1","qty":2,"price_cents":250}}`, "items not a list")
	expectRejected(`{"customer":7,"items":[]}`, "customer not a string")
	expectRejected(`[{"sku":"A1","qty":2,"price_cents":250}]`, "a list, not an order")

	if status, raw := ask("GET", "/order", ""); status != http.StatusNotFound {
		fail("GET /order answered %d, want 404 (body %s)", status, short(string(raw)))
	}
	keepAlive()
	fmt.Println("orders: ok (health, 7 orders totalled, 10 bad bodies refused, 3 orders on one connection)")
}
