// The correctness client of arena.gc-tuning-go: the reports must stay exactly what they were,
// so a server that sheds work (fewer visits, no history) does not pass as a tuned one.
//
//	client 127.0.0.1:PORT
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"time"
)

const sessionCount = 300000

func fail(format string, args ...any) {
	fmt.Printf("sessions: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	address := os.Args[1]
	client := &http.Client{Timeout: 5 * time.Second}
	for _, id := range []int{0, 7, 123456, sessionCount - 1, sessionCount + 7} {
		target := fmt.Sprintf("http://%s/report?id=%d", address, id)
		response, err := client.Get(target)
		if err != nil {
			fail("GET /report?id=%d: %v", id, err)
		}
		raw, _ := io.ReadAll(response.Body)
		response.Body.Close()
		if response.StatusCode != 200 {
			fail("GET /report?id=%d answered %d, want 200", id, response.StatusCode)
		}
		var got struct {
			User   string   `json:"user"`
			Visits []string `json:"visits"`
		}
		if err := json.Unmarshal(raw, &got); err != nil {
			fail("GET /report?id=%d: the body is not the report's JSON: %v", id, err)
		}
		n := id % sessionCount
		wantUser := fmt.Sprintf("user%d", n)
		var want []string
		for i := 0; i < 16; i++ {
			want = append(want, fmt.Sprintf("%s visited /page/%d/%d (%d)", wantUser, n, i%4, i))
		}
		if got.User != wantUser || !reflect.DeepEqual(got.Visits, want) {
			fail("GET /report?id=%d: want user %q with 16 visits from %q to %q; the report changed (tune the collector, keep the answers)", id, wantUser, want[0], want[15])
		}
	}
	response, err := client.Get("http://" + address + "/report?id=seven")
	if err != nil {
		fail("GET /report?id=seven: %v", err)
	}
	response.Body.Close()
	if response.StatusCode != 400 {
		fail("GET /report?id=seven answered %d, want 400", response.StatusCode)
	}
	fmt.Println("sessions: ok (5 reports, 1 bad id)")
}
