package stack

// Stack is a last-in, first-out stack of ints.
type Stack struct {
	items []int
}

// Push puts v on top.
func (s *Stack) Push(v int) {
	s.items = append(s.items, v)
}

// Pop removes and returns the top element, and false when the stack is empty.
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, true
	}
	top := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return top, true
}

// Len is the number of elements.
func (s *Stack) Len() int { return len(s.items) }
