package words

import "testing"

func TestParse(t *testing.T) {
	if got := Parse("a b"); got != 2 {
		t.Errorf("Parse(\"a b\") = %d, want 2", got)
	}
}

func TestSplit(t *testing.T) {
	t.Run("two", func(t *testing.T) {
		if got := Split("a,b"); len(got) != 2 {
			t.Fatalf("Split(\"a,b\") has %d parts, want 2", len(got))
		}
	})
}

func TestOK(t *testing.T) {}
