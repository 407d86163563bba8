package words

import "testing"

func TestParse(t *testing.T) { Parse("a") }
