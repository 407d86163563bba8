// Hidden harness: calls the learner's FetchAll with a fetch that takes 5 ms,
// like a network call, and checks that it returns every result, that no
// fetch is still running when it returns, and that the fetches overlap.
// Rounds 1 and 3 run with GOMAXPROCS 1: a goroutine started with `go` then
// runs only when the main goroutine blocks, so a Wait that comes before the
// goroutines' Add calls returns at once, every time. Then it reads fetch.go
// for an Add inside a goroutine and for a sleep.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"runtime"
	"sync/atomic"
	"time"
)

var inFlight, maxInFlight, finished atomic.Int64

func fetch(id int) string {
	n := inFlight.Add(1)
	for {
		m := maxInFlight.Load()
		if n <= m || maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(5 * time.Millisecond) // the network
	finished.Add(1)
	inFlight.Add(-1)
	return fmt.Sprintf("user-%d", id)
}

// round calls FetchAll once and returns false after printing FAIL lines.
func round(number, procs int, ids []int) bool {
	runtime.GOMAXPROCS(procs)
	finished.Store(0)
	done := make(chan []string, 1)
	go func() { done <- FetchAll(ids, fetch) }()
	var got []string
	select {
	case got = <-done:
	case <-time.After(3 * time.Second):
		fmt.Printf("FAIL: round %d: FetchAll did not return within 3 s, although each fetch takes 5 ms: wg.Wait() is still waiting. Does every wg.Done() reach the same WaitGroup that Wait waits on?\n", number)
		return false
	}
	stillRunning := inFlight.Load()
	doneWhenReturned := finished.Load()
	missing := 0
	for i, id := range ids {
		if i >= len(got) || got[i] != fmt.Sprintf("user-%d", id) {
			missing++
		}
	}
	if len(got) != len(ids) || missing > 0 || stillRunning > 0 {
		fmt.Printf("FAIL: round %d (GOMAXPROCS %d): FetchAll returned with %d of %d results empty or wrong, when %d of %d fetches had finished. wg.Wait() returned before the goroutines were done.\n",
			number, procs, missing, len(ids), doneWhenReturned, len(ids))
		return false
	}
	fmt.Printf("round %d (GOMAXPROCS %d): %d results, all there\n", number, procs, len(ids))
	return true
}

// sourceProblems reads fetch.go for an Add inside a goroutine (in a function
// literal started with `go`, or in a function of the file started with `go`),
// for time.Sleep, and for a sync.WaitGroup parameter passed by value (what
// go vet's copylocks check reports; the harness looks itself because a cold
// `go vet` takes over 8 s here).
func sourceProblems(path string) []string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return []string{fmt.Sprintf("could not read %s: %v", path, err)}
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, decl := range file.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil {
			funcs[fn.Name.Name] = fn
		}
	}
	var problems []string
	findAdd := func(body ast.Node) {
		ast.Inspect(body, func(node ast.Node) bool {
			if call, ok := node.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Add" {
					problems = append(problems, fmt.Sprintf("fetch.go:%d calls Add inside the goroutine. Nothing makes it run before wg.Wait(), which may find the counter at 0 and return at once. Call wg.Add(1) before the `go` statement.", fset.Position(call.Pos()).Line))
				}
			}
			return true
		})
	}
	ast.Inspect(file, func(node ast.Node) bool {
		switch n := node.(type) {
		case *ast.GoStmt:
			switch fun := n.Call.Fun.(type) {
			case *ast.FuncLit:
				findAdd(fun.Body)
			case *ast.Ident:
				if fn := funcs[fun.Name]; fn != nil {
					findAdd(fn.Body)
				}
			}
		case *ast.FuncType:
			for _, param := range n.Params.List {
				if sel, ok := param.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "WaitGroup" {
					problems = append(problems, fmt.Sprintf("fetch.go:%d takes a sync.WaitGroup by value. The function gets a copy, and its Done counts down the copy, not the WaitGroup that Wait waits on. Pass a *sync.WaitGroup, or use the variable from the enclosing function.", fset.Position(param.Pos()).Line))
				}
			}
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "time" && n.Sel.Name == "Sleep" {
				problems = append(problems, fmt.Sprintf("fetch.go:%d sleeps. A sleep makes it likely, not certain, that the goroutines have started; wg.Add before `go` makes it certain.", fset.Position(n.Pos()).Line))
			}
		}
		return true
	})
	return problems
}

func main() {
	ok := true
	if got := FetchAll(nil, fetch); len(got) != 0 {
		fmt.Printf("FAIL: no ids give no results, got %q\n", got)
		ok = false
	}
	ids := make([]int, 50)
	for i := range ids {
		ids[i] = 1000 + 7*i
	}
	ok = ok && round(1, 1, ids) && round(2, 2, ids[:20]) && round(3, 1, ids[10:])
	if ok {
		if maxInFlight.Load() < 2 {
			fmt.Println("FAIL: the fetches never overlapped: at most 1 ran at a time. Start every goroutine first, and wait once, after the loop.")
			ok = false
		} else {
			fmt.Printf("at most %d fetches ran at the same time\n", maxInFlight.Load())
		}
	}
	for _, problem := range sourceProblems("fetch.go") {
		fmt.Println("FAIL:", problem)
		ok = false
	}
	if !ok {
		os.Exit(0)
	}
	fmt.Println("fetch: ok")
}
