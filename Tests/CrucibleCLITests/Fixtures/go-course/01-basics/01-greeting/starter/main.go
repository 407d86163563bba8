package main

import "fmt"

func main() {
	for _, name := range []string{"Ada", "Grace", ""} {
		fmt.Println(Greeting(name))
	}
}
