// Runtime errors are panics too: recover gets a runtime.Error (or a plainError) that prints
// Go's message.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%-8s %v | %T\n", name, r, r)
	}()
	f()
}

type node struct{ next *node }

func main() {
	try("index", func() {
		a := []int{1, 2, 3}
		i := 5
		fmt.Println(a[i])
	})
	try("array", func() {
		var a [3]int
		i := -1
		a[i+0] = 1
	})
	try("slice", func() {
		a := []int{1, 2, 3}
		j := 5
		fmt.Println(a[1:j])
	})
	try("divide", func() {
		a, b := 1, 0
		fmt.Println(a / b)
	})
	try("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil ptr", func() {
		var n *node
		fmt.Println(n.next)
	})
	try("closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("send", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("assert", func() {
		var x any = "text"
		fmt.Println(x.(int))
	})
	try("shift", func() {
		s := -1
		fmt.Println(1 << s)
	})
	try("string", func() {
		s := "abc"
		i := 3
		fmt.Println(s[i])
	})
}
