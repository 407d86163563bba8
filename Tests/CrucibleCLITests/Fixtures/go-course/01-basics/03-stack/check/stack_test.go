package stack

import "testing"

func TestPushPop(t *testing.T) {
	var s Stack
	s.Push(1)
	s.Push(2)
	if v, ok := s.Pop(); v != 2 || !ok {
		t.Fatalf("Pop() = %d, %v after Push(1), Push(2); want 2, true", v, ok)
	}
	if s.Len() != 1 {
		t.Fatalf("Len() = %d after one Pop of two elements; want 1", s.Len())
	}
}

func TestPopEmpty(t *testing.T) {
	var s Stack
	if v, ok := s.Pop(); ok {
		t.Errorf("Pop() on an empty stack = %d, %v; want ok == false", v, ok)
	}
}
