package main

import (
	"crypto/sha256"
	"encoding/binary"
)

// quote is the slow part the cache is for: it stands for a call to a pricing service,
// about half a millisecond of CPU per item. Do not change it: the check knows every price.
func quote(item string) uint64 {
	sum := sha256.Sum256([]byte(item))
	for round := 0; round < 3000; round++ {
		sum = sha256.Sum256(sum[:])
	}
	return 100 + binary.BigEndian.Uint64(sum[:8])%99900
}
