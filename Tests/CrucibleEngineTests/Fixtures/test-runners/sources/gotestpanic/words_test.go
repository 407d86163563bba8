package words

import "testing"

func TestFirst(t *testing.T) {
	if First(nil) != "" {
		t.Error("want empty")
	}
}
