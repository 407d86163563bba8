package main

import "fmt"

func main() {
	fmt.Println("sum of squares below 10:", SumOfSquares(10))
}
