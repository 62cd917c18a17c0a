// From seed 001: the "trampoline" pattern. Completed minimally with the node type, visit and main.
package main

type node struct {
	left, right *node
	val         int
}

func visit(n *node) {
	_ = n.val
}

type cont func() cont

func walk(n *node) cont {
	if n == nil {
		return nil
	}
	visit(n)
	return func() cont {
		if c := walk(n.left); c != nil {
			return c
		}
		return walk(n.right)
	}
}

func run(start cont) {
	for c := start; c != nil; c = c() {
	}
}

func main() {
	run(walk(&node{left: &node{}, right: &node{}}))
}
