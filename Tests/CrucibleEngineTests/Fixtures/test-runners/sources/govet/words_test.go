package words

import "testing"

func TestDescribe(t *testing.T) { _ = Describe(2) }
