package counter

import "sync/atomic"

// Counter counts events reported from many goroutines.
type Counter struct {
	n atomic.Int64
}

// Inc adds one.
func (c *Counter) Inc() {
	c.n.Add(1)
}

// Value is the count so far.
func (c *Counter) Value() int {
	return int(c.n.Load())
}
