package main

import "fmt"

// Greeting forgets the empty name.
func Greeting(name string) string {
	return fmt.Sprintf("Hello, %s!", name)
}
