// Hidden harness: calls the learner's CountHits on a large request log with
// many goroutines, several rounds, and checks every count. Go's runtime
// notices two goroutines inside a map write at once only when it catches
// them there, so the harness makes that likely on every run: eight workers,
// GOMAXPROCS 8 (on a machine with fewer cores, the operating system then
// also switches threads in the middle of a map write), and 20 rounds of
// 400,000 writes. A fatal error cannot be recovered, so the counting runs
// in a child process (this same program, started again), and the parent
// reports how it ended. Then it reads hits.go to check that the work still
// runs in goroutines.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

const childEnv = "CRUCIBLE_COUNT_HITS_CHILD"

// startsGoroutines reports whether hits.go contains a `go` statement.
func startsGoroutines(path string) (bool, error) {
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return false, err
	}
	found := false
	ast.Inspect(file, func(node ast.Node) bool {
		if _, ok := node.(*ast.GoStmt); ok {
			found = true
		}
		return !found
	})
	return found, nil
}

// count runs in the child: it prints FAIL lines for wrong counts, or
// "counts: ok". A concurrent map write kills it with a fatal error.
func count() {
	runtime.GOMAXPROCS(8)

	const distinct = 64
	paths := make([]string, 400000)
	want := make(map[string]int)
	for i := range paths {
		p := fmt.Sprintf("/api/item/%d", (i*7919)%distinct)
		paths[i] = p
		want[p]++
	}

	if got := CountHits(nil, 4); len(got) != 0 {
		fmt.Printf("FAIL: an empty log has no hits, got %v\n", got)
		return
	}
	for round := 1; round <= 20; round++ {
		got := CountHits(paths, 8)
		if len(got) != len(want) {
			fmt.Printf("FAIL: round %d: %d distinct paths, want %d\n", round, len(got), len(want))
			return
		}
		for p, n := range want {
			if got[p] != n {
				fmt.Printf("FAIL: round %d: %s has %d hits, want %d. Increments were lost: two goroutines wrote the map at once, and this time the runtime did not catch them.\n", round, p, got[p], n)
				return
			}
		}
	}
	fmt.Println("20 rounds of 400,000 requests with 8 workers: every count right")
	fmt.Println("counts: ok")
}

// learnerLine returns the first place in a traceback in hits.go, such as
// "hits.go:16".
func learnerLine(trace string) string {
	for _, line := range strings.Split(trace, "\n") {
		if i := strings.Index(line, "hits.go:"); i >= 0 {
			return strings.Fields(line[i:])[0]
		}
	}
	return ""
}

func main() {
	if os.Getenv(childEnv) == "1" {
		count()
		return
	}
	ok := true

	self, err := os.Executable()
	if err != nil {
		fmt.Println("FAIL: the harness could not find its own program:", err)
		os.Exit(0)
	}
	child := exec.Command(self)
	child.Env = append(os.Environ(), childEnv+"=1")
	var stdout, stderr bytes.Buffer
	child.Stdout, child.Stderr = &stdout, &stderr
	err = child.Run()
	fmt.Print(stdout.String())
	if err != nil {
		ok = false
		fatal := ""
		for _, line := range strings.Split(stderr.String(), "\n") {
			if strings.HasPrefix(line, "fatal error:") || strings.HasPrefix(line, "panic:") {
				fatal = line
				break
			}
		}
		if fatal == "" {
			fatal = "it ended with: " + err.Error()
		}
		fmt.Printf("FAIL: the program died: %s\n", fatal)
		if where := learnerLine(stderr.String()); where != "" {
			fmt.Printf("FAIL: the goroutine that noticed was at %s\n", where)
		}
	} else if !strings.Contains(stdout.String(), "counts: ok") {
		ok = false
	}

	if found, err := startsGoroutines("hits.go"); err != nil {
		fmt.Println("FAIL: could not read hits.go:", err)
		ok = false
	} else if !found {
		fmt.Println("FAIL: hits.go starts no goroutines. The counts are right, but the lesson asks you to keep the `workers` goroutines and make their writes safe.")
		ok = false
	}
	if !ok {
		os.Exit(0)
	}
	fmt.Println("hits: ok")
}
