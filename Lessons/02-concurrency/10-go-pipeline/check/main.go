// Hidden harness: calls the learner's SumSquares and checks the sums, then
// reads pipeline.go to check the shape the lesson asks for: workers started
// with `go` that send their results on a channel, with no atomic or mutex
// around a shared total.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

// shapeProblems parses the learner's file and returns what is missing from
// a fan-in. A mutex or an atomic add on one shared total is race-free too,
// and a plain loop gives the right sum, but neither is what this lesson
// teaches, and the sums alone cannot tell them apart from a fan-in.
func shapeProblems(path string) []string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return []string{fmt.Sprintf("could not read %s: %v", path, err)}
	}
	var problems []string
	syncName := ""
	for _, spec := range file.Imports {
		importPath, _ := strconv.Unquote(spec.Path.Value)
		switch importPath {
		case "sync/atomic":
			problems = append(problems, "pipeline.go imports sync/atomic. An atomic add on one shared total is race-free, but this lesson asks for a fan-in: each worker sums into its own local variable and sends it on a results channel.")
		case "sync":
			syncName = "sync"
			if spec.Name != nil {
				syncName = spec.Name.Name
			}
		}
	}
	goStmts, sendsInGoroutines := 0, 0
	ast.Inspect(file, func(node ast.Node) bool {
		switch n := node.(type) {
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && syncName != "" && id.Name == syncName && (n.Sel.Name == "Mutex" || n.Sel.Name == "RWMutex") {
				problems = append(problems, fmt.Sprintf("pipeline.go uses sync.%s. A lock around one shared total is race-free, but this lesson asks for a fan-in: each worker sums into its own local variable and sends it on a results channel.", n.Sel.Name))
			}
		case *ast.GoStmt:
			goStmts++
			ast.Inspect(n.Call, func(inner ast.Node) bool {
				if _, ok := inner.(*ast.SendStmt); ok {
					sendsInGoroutines++
				}
				return true
			})
		}
		return true
	})
	if goStmts == 0 {
		problems = append(problems, "pipeline.go starts no goroutines. The sum is right, but the work must be shared among `workers` goroutines started with `go`.")
	} else if sendsInGoroutines == 0 {
		problems = append(problems, "no goroutine in pipeline.go sends on a channel. Each worker should send its partial sum on a results channel for SumSquares to add up.")
	}
	return problems
}

func main() {
	nums := make([]int, 20000)
	want := 0
	for i := range nums {
		nums[i] = i % 100
		want += nums[i] * nums[i]
	}
	ok := true
	for _, workers := range []int{4, 8} {
		got := SumSquares(nums, workers)
		fmt.Printf("workers = %d, sum = %d\n", workers, got)
		if got != want {
			fmt.Printf("FAIL: expected %d\n", want)
			ok = false
		}
	}
	if SumSquares(nil, 3) != 0 {
		fmt.Println("FAIL: the sum of no numbers is 0")
		ok = false
	}
	for _, problem := range shapeProblems("pipeline.go") {
		fmt.Println("FAIL:", problem)
		ok = false
	}
	if !ok {
		os.Exit(0)
	}
	fmt.Println("sums match")
}
