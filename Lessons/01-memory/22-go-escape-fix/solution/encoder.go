package main

import (
	"encoding/binary"
	"io"
)

// Encoder writes fixed-size records to w. It is called for every record a
// service logs, so it should not allocate.
type Encoder struct {
	w io.Writer
	// buf holds one record. It lives inside the Encoder, which is already
	// allocated, so a call allocates nothing. io.Writer's contract says
	// Write must not keep p, so reusing buf on the next call is safe.
	buf [12]byte
}

// WriteRecord writes id and value to e.w as one 12-byte record,
// little-endian.
func (e *Encoder) WriteRecord(id uint32, value uint64) error {
	binary.LittleEndian.PutUint32(e.buf[0:4], id)
	binary.LittleEndian.PutUint64(e.buf[4:12], value)
	_, err := e.w.Write(e.buf[:])
	return err
}
