package main

// SumOfSquares returns 0*0 + 1*1 + ... + (n-1)*(n-1).
func SumOfSquares(n int) int {
	total := 0
	for i := range n {
		total += i * i
	}
	return total
}
