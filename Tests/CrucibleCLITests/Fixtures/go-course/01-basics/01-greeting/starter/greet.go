package main

// Greeting returns "Hello, NAME!", or "Hello, world!" when name is empty.
func Greeting(name string) string {
	// TODO: greet name.
	return ""
}
