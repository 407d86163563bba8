package words

func Parse(s string) int { return len(s) + x }
