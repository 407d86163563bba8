package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[int]int{}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10000000; i++ {
				counts[i%10]++
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(counts))
}
