package words

import "fmt"

func Describe(n int) string { return fmt.Sprintf("%s words", n) }
