// Slices: append growth (growslice and size classes), aliasing, copy, range over strings and channels, a slice of pointers kept across a GC.
package main

import (
	"fmt"
	"runtime"
)

type item struct {
	id   int
	next *item
}

func main() {
	var s []int
	caps := ""
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			last = cap(s)
			caps += fmt.Sprint(last) + " "
		}
	}
	fmt.Println(caps)
	b := make([]byte, 5, 10)
	b[0] = 'h'
	c := b[1:3]
	c[0] = 'i'
	fmt.Println(len(b), cap(b), len(c), cap(c), b[1], string("x"))
	w := []string{"a", "b", "c"}
	n := copy(w, []string{"z", "y"})
	fmt.Println(n, w, len(w))
	total := 0
	for i, v := range s[:10] {
		total += i * v
	}
	fmt.Println("total", total)
	for i, r := range "héllo, 世界" {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	var items []*item
	for i := 0; i < 1000; i++ {
		items = append(items, &item{id: i})
	}
	runtime.GC()
	sum := 0
	for _, it := range items {
		sum += it.id
	}
	fmt.Println("sum", sum, len(items))
	lo, hi := 5, 3
	fmt.Println(s[lo:hi])
}
