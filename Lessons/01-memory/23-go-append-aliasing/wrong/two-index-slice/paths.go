package main

// Node is a directory in a tree of folders.
type Node struct {
	Name     string
	Children []*Node
}

// Paths returns the path of names from root to every leaf, in order:
// for a/b, a/c it returns [[a b] [a c]].
func Paths(root *Node) [][]string {
	var out [][]string
	walk(root, nil, &out)
	return out
}

// walk appends to *out the paths to every leaf under n, each starting
// with prefix.
func walk(n *Node, prefix []string, out *[][]string) {
	// prefix[:len(prefix)] keeps prefix's capacity, and its array.
	path := append(prefix[:len(prefix)], n.Name)
	if len(n.Children) == 0 {
		*out = append(*out, path)
		return
	}
	for _, child := range n.Children {
		walk(child, path, out)
	}
}
