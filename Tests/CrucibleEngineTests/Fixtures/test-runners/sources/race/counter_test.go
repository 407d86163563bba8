package counter

import "testing"

func TestCount(t *testing.T) {
	if got := Count(50); got != 50 {
		t.Errorf("Count(50) = %d, want 50", got)
	}
}
