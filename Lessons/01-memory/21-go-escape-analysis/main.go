package main

import "fmt"

type point struct{ x, y int }

func sum() int {
	a := point{1, 2}
	return a.x + a.y
}

func newPoint() *point {
	b := point{3, 4}
	return &b
}

func scale(p *point) int {
	c := point{p.x * 2, p.y * 2}
	return c.x + c.y
}

func main() {
	total := sum() + scale(newPoint())
	fmt.Println(total)
}
