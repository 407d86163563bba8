package main

import "testing"

var feed = []string{
	"AB-123456,3,SKU-77-XL-BLUE-COTTON",
	"ZZ-000001,1,SKU-12-S-RED-WOOL",
	"bad-id,2,SKU-1",
	"QX-987654,12,SKU-903-M-GREEN-LINEN-BLEND",
}

func BenchmarkParseOrder(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseOrder(feed[i%len(feed)])
	}
}
