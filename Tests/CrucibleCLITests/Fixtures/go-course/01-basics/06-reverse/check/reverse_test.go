package reverse

import "testing"

func TestReverseASCII(t *testing.T) {
	if got := Reverse("stack"); got != "kcats" {
		t.Errorf("Reverse(%q) = %q; want %q", "stack", got, "kcats")
	}
}

func TestReverseUnicode(t *testing.T) {
	if got := Reverse("héllo"); got != "olléh" {
		t.Errorf("Reverse(%q) = %q; want %q", "héllo", got, "olléh")
	}
}
