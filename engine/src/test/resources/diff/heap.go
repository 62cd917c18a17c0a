// Structs, pointers, escape (return &c), a linked list the collector keeps and then frees, a nil dereference.
package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	Val  int
	Next *Node
}

type Point struct {
	X, Y int
	Name string
}

func newCounter() *int {
	c := 41
	return &c
}

func build(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{Val: i, Next: head}
	}
	return head
}

func sum(n *Node) int {
	total := 0
	for n != nil {
		total += n.Val
		n = n.Next
	}
	return total
}

func main() {
	p := Point{1, 2, "a"}
	q := p
	q.X = 10
	fmt.Println(p, q)
	fmt.Printf("%+v %v\n", p, &q)
	c := newCounter()
	*c = *c + 1
	fmt.Println(*c)
	list := build(10000)
	runtime.GC()
	fmt.Println(sum(list))
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("objects over 10000:", m.HeapObjects > 10000)
	list = nil
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println("objects after dropping the list under 1000:", m.HeapObjects < 1000)
	var np *Node
	fmt.Println(np.Val)
}
