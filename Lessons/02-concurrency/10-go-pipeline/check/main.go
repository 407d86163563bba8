// Hidden harness: calls the learner's SumSquares and checks the sums.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
package main

import (
	"fmt"
	"os"
)

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
	if !ok {
		os.Exit(0)
	}
	fmt.Println("sums match")
}
