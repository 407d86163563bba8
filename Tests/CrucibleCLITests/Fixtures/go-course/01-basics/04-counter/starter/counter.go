package counter

// Counter counts events reported from many goroutines.
type Counter struct {
	n int
}

// Inc adds one.
func (c *Counter) Inc() {
	c.n++
}

// Value is the count so far.
func (c *Counter) Value() int {
	return c.n
}
