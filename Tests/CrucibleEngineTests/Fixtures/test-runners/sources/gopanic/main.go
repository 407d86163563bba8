package main

import "fmt"

func main() {
	values := []int{1, 2, 3}
	index := 5
	fmt.Println(values[index])
}
