package counter

import (
	"sync"
	"testing"
)

func TestConcurrentInc(t *testing.T) {
	const goroutines, each = 8, 1000
	var c Counter
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	if got := c.Value(); got != goroutines*each {
		t.Errorf("Value() = %d after %d goroutines called Inc %d times each; want %d", got, goroutines, each, goroutines*each)
	}
}
