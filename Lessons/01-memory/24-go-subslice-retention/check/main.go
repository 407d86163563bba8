// Hidden harness: reads 64 messages, each into its own 1 MiB buffer, keeps
// only Header(msg) of each, and measures how much heap is still in use
// after a full garbage collection.
// On a failure it prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when "retained heap: ok" is printed.
package main

import (
	"bytes"
	"fmt"
	"runtime"
)

const (
	messages   = 64
	bufferSize = 1 << 20
)

// kept is package-level so the headers stay reachable until the end.
var kept [][]byte

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func message(i int) []byte {
	buf := make([]byte, bufferSize)
	for j := range buf {
		buf[j] = byte(i + j)
	}
	return buf
}

func main() {
	failed := false

	// The header must hold the message's first 16 bytes.
	msg := message(3)
	h := Header(msg)
	if !bytes.Equal(h, msg[:16]) {
		fmt.Printf("FAIL: Header returned %d bytes [% x], want the first 16 bytes [% x]\n", len(h), h, msg[:16])
		return
	}
	fmt.Println("header bytes: ok")

	before := heapInUse()
	for i := 0; i < messages; i++ {
		kept = append(kept, Header(message(i)))
	}
	after := heapInUse()
	for i, h := range kept {
		if len(h) != 16 || h[0] != byte(i) || h[15] != byte(i+15) {
			fmt.Printf("FAIL: header %d is wrong: % x\n", i, h)
			failed = true
		}
	}
	retained := int64(after) - int64(before)
	fmt.Printf("kept %d headers of 16 bytes (%d bytes of data)\n", messages, messages*16)
	fmt.Printf("heap still in use after runtime.GC(): %.1f MiB (HeapAlloc grew by %d bytes)\n",
		float64(retained)/(1<<20), retained)
	// The solution keeps about 64 small arrays; the starter keeps 64 MiB.
	if retained > 4<<20 {
		fmt.Printf("FAIL: the headers keep the 1 MiB buffers alive: a sub-slice points into its buffer's backing array, so the collector must keep the whole array. Copy the 16 bytes into a new slice.\n")
		failed = true
	}
	runtime.KeepAlive(kept)
	if failed {
		return
	}
	fmt.Println("retained heap: ok")
}
