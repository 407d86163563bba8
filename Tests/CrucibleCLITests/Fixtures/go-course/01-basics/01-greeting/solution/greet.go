package main

import "fmt"

// Greeting returns "Hello, NAME!", or "Hello, world!" when name is empty.
func Greeting(name string) string {
	if name == "" {
		name = "world"
	}
	return fmt.Sprintf("Hello, %s!", name)
}
