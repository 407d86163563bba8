package main

import "fmt"

func main() {
	for _, title := range []string{"Hello, World!", "Memory in four languages", "Go 1.19"} {
		fmt.Println(Slug(title))
	}
}
