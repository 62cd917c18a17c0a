// From seed 001: explicit-stack iteration. Completed minimally with the node type, visit and main.
package main

type node struct {
	left, right *node
}

func visit(n *node) {}

func walk(root *node) {
	stack := []*node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		visit(n)
		stack = append(stack, n.right, n.left)
	}
}

func main() {
	walk(&node{left: &node{}})
}
