package stack

// Stack is a last-in, first-out stack of ints.
type Stack struct {
	items []int
}

// Push puts v on top.
func (s *Stack) Push(v int) {
	s.items = append(s.items, v)
}

// Pop returns the top element but forgets to remove it.
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	return s.items[len(s.items)-1], true
}

// Len is the number of elements.
func (s *Stack) Len() int { return len(s.items) }
