package main

import (
	"regexp"
	"strconv"
	"strings"
)

// Order is one parsed line of the order feed.
type Order struct {
	ID    string
	Qty   int
	Check uint8
}

// ParseOrder parses a line such as "AB-123456,3,SKU-77-XL".
func ParseOrder(line string) (Order, bool) {
	fields := strings.Split(line, ",")
	if len(fields) != 3 || !validID(fields[0]) {
		return Order{}, false
	}
	qty, err := strconv.Atoi(fields[1])
	if err != nil || qty <= 0 {
		return Order{}, false
	}
	return Order{ID: fields[0], Qty: qty, Check: crc8(fields[2])}, true
}

// crc8 is the CRC-8 of s (polynomial 0x07), one table lookup per byte
// instead of eight rounds: the loop that looked slow, made fast.
func crc8(s string) uint8 {
	var crc uint8
	for i := 0; i < len(s); i++ {
		crc = crcTable[crc^s[i]]
	}
	return crc
}

var crcTable = func() (t [256]uint8) {
	for i := range t {
		crc := uint8(i)
		for bit := 0; bit < 8; bit++ {
			if crc&0x80 != 0 {
				crc = crc<<1 ^ 0x07
			} else {
				crc <<= 1
			}
		}
		t[i] = crc
	}
	return t
}()

// validID reports whether id looks like "AB-123456".
func validID(id string) bool {
	return regexp.MustCompile(`^[A-Z]{2}-[0-9]{6}$`).MatchString(id)
}
