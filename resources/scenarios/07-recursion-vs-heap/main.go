// Lesson 7: the same tree walk three ways. Recursion keeps the pending work
// on the goroutine stack; an explicit stack and a trampoline keep it on the
// heap instead.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	val         int
	left, right *node
}

// comb builds a tree n levels deep: a spine of left children, each with a
// leaf on its right. Its depth grows with its size, like deeply nested input.
func comb(n int) *node {
	var root *node
	for i := 0; i < n; i++ {
		root = &node{val: 1, left: root, right: &node{val: 1}}
	}
	return root
}

// sumRecursive: one stack frame per level of the tree.
func sumRecursive(n *node) int {
	if n == nil {
		return 0
	}
	return n.val + sumRecursive(n.left) + sumRecursive(n.right)
}

// sumExplicit: a loop, with the nodes still to visit in a slice on the heap.
func sumExplicit(root *node) int {
	total := 0
	todo := []*node{root}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if n == nil {
			continue
		}
		total += n.val
		todo = append(todo, n.right, n.left)
	}
	return total
}

// thunk is a suspended piece of work: calling it does one step and returns
// the next step, or nil when there is nothing left.
type thunk func() thunk

// visit returns the step that adds n's subtree to *total and then goes on
// with next. It does not recurse: it only builds closures (on the heap).
func visit(n *node, total *int, next thunk) thunk {
	return func() thunk {
		if n == nil {
			return next
		}
		*total += n.val
		return visit(n.left, total, visit(n.right, total, next))
	}
}

// sumTrampoline runs the steps one after another in a flat loop.
func sumTrampoline(root *node) int {
	total := 0
	for step := visit(root, &total, nil); step != nil; step = step() {
	}
	return total
}

// measure runs walk in a fresh goroutine and reports what it cost. The
// goroutine reads the figures before it exits, while its stack still has
// the size the walk grew it to.
func measure(name string, walk func(*node) int, root *node) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan bool)
	go func() {
		sum := walk(root)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		fmt.Printf("%-10s sum=%d  stack +%9d B   heap allocs +%7d (%9d B)\n", name, sum,
			int64(after.StackInuse)-int64(before.StackInuse),
			after.Mallocs-before.Mallocs, after.TotalAlloc-before.TotalAlloc)
		done <- true
	}()
	<-done
}

func main() {
	const depth = 100000
	root := comb(depth)
	fmt.Println("tree:", 2*depth, "nodes,", depth, "levels deep")
	measure("recursive", sumRecursive, root)
	measure("explicit", sumExplicit, root)
	measure("trampoline", sumTrampoline, root)
}
