package counter

import "sync"

// Counter counts events reported from many goroutines.
type Counter struct {
	n int
}

// Inc locks a mutex of its own: no other goroutine ever waits for it.
func (c *Counter) Inc() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	c.n++
}

// Value is the count so far.
func (c *Counter) Value() int {
	return c.n
}
