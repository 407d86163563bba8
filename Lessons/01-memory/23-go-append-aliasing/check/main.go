// Hidden harness: walks trees whose paths share prefixes and compares every
// path Paths returns with the expected one. Sibling paths that share one
// backing array show up as a path that ends in its sibling's name.
// On a failure it prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when "paths: ok" is printed.
package main

import (
	"fmt"
	"strings"
)

func dir(name string, children ...*Node) *Node {
	return &Node{Name: name, Children: children}
}

func show(paths [][]string) string {
	var parts []string
	for _, p := range paths {
		parts = append(parts, strings.Join(p, "/"))
	}
	return strings.Join(parts, "  ")
}

func check(name string, root *Node, want []string) bool {
	got := Paths(root)
	// A second walk must not change the first one's result either.
	Paths(root)
	if show(got) != strings.Join(want, "  ") {
		fmt.Printf("FAIL: %s\n  got:  %s\n  want: %s\n", name, show(got), strings.Join(want, "  "))
		return false
	}
	fmt.Printf("%s: %s\n", name, show(got))
	return true
}

func main() {
	ok := true
	ok = check("two levels", dir("a", dir("b"), dir("c")), []string{"a/b", "a/c"}) && ok
	ok = check("four levels",
		dir("srv", dir("www", dir("img", dir("logo.png"), dir("icon.png")), dir("css"))),
		[]string{"srv/www/img/logo.png", "srv/www/img/icon.png", "srv/www/css"}) && ok
	ok = check("six levels",
		dir("a", dir("b", dir("c", dir("d", dir("e", dir("f1"), dir("f2"), dir("f3")))))),
		[]string{"a/b/c/d/e/f1", "a/b/c/d/e/f2", "a/b/c/d/e/f3"}) && ok

	// The direct case: two appends to one prefix with spare capacity.
	prefix := make([]string, 2, 8)
	prefix[0], prefix[1] = "x", "y"
	var out [][]string
	walk(dir("z1"), prefix, &out)
	walk(dir("z2"), prefix, &out)
	if len(out) != 2 || strings.Join(out[0], "/") != "x/y/z1" || strings.Join(out[1], "/") != "x/y/z2" {
		fmt.Printf("FAIL: walking z1 then z2 from a prefix with spare capacity (len 2, cap 8) gave %s, want x/y/z1  x/y/z2\n", show(out))
		ok = false
	}
	if !ok {
		fmt.Println("FAIL: two paths share one backing array. append(prefix, name) writes into prefix's array whenever it has spare capacity, so each sibling overwrites the last element of the path before it.")
		return
	}
	fmt.Println("paths: ok")
}
