package main

import (
	"encoding/binary"
	"io"
)

// scratch is one buffer for every Encoder: no allocation, but two Encoders
// (or two goroutines) write into the same 12 bytes.
var scratch [12]byte

// Encoder writes fixed-size records to w. It is called for every record a
// service logs, so it should not allocate.
type Encoder struct {
	w io.Writer
}

// WriteRecord writes id and value to e.w as one 12-byte record,
// little-endian.
func (e *Encoder) WriteRecord(id uint32, value uint64) error {
	binary.LittleEndian.PutUint32(scratch[0:4], id)
	binary.LittleEndian.PutUint64(scratch[4:12], value)
	_, err := e.w.Write(scratch[:])
	return err
}
