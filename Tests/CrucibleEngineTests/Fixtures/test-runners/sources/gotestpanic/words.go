package words

func First(s []string) string { return s[0] }
