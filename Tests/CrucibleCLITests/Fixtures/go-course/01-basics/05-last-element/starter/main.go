package main

import "fmt"

func main() {
	fmt.Println("last:", Last([]int{10, 20, 30}))
	fmt.Println("counts:", Count([]string{"a", "b", "a"}))
}
