// What converting a value to an interface allocates (runtime.convT*): constants, zero-size
// values, bools, bytes and small integers (0-255) live in static data; other non-pointer values
// are copied to a new heap object; pointers are stored as they are.
package main

import (
	"fmt"
	"runtime"
)

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Big struct{ A, B, C int }

type Pair struct{ A, B int32 }

var sink any
var shape Shape

func allocs(f func()) uint64 {
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	f()
	runtime.ReadMemStats(&m2)
	return m2.Mallocs - m1.Mallocs
}

func main() {
	big, small, neg := 1000, 7, -1
	f, zero := 2.5, 0.0
	word, empty := "hello", ""
	c := Circle{2}
	p := &Circle{3}
	var nilSlice []int
	fmt.Println("int 1000:", allocs(func() { sink = big }))
	fmt.Println("int 7:", allocs(func() { sink = small }))
	fmt.Println("int -1:", allocs(func() { sink = neg }))
	fmt.Println("constant 1000:", allocs(func() { sink = 1000 }))
	fmt.Println("float 2.5:", allocs(func() { sink = f }))
	fmt.Println("float 0:", allocs(func() { sink = zero }))
	fmt.Println("string:", allocs(func() { sink = word }))
	fmt.Println("empty string:", allocs(func() { sink = empty }))
	fmt.Println("struct:", allocs(func() { sink = Big{1, 2, 3} }))
	fmt.Println("small struct:", allocs(func() { sink = Pair{1, 2} }))
	fmt.Println("tiny struct:", allocs(func() { sink = Pair{1, 0} }))
	fmt.Println("empty struct:", allocs(func() { sink = struct{}{} }))
	fmt.Println("bool:", allocs(func() { sink = small > 3 }))
	fmt.Println("byte:", allocs(func() { sink = byte(big) }))
	fmt.Println("shape value:", allocs(func() { shape = c }))
	fmt.Println("shape pointer:", allocs(func() { shape = p }))
	fmt.Println("slice:", allocs(func() { sink = []int{1} }))
	fmt.Println("nil slice:", allocs(func() { sink = nilSlice }))
	fmt.Println(shape.Area(), sink == nil)
}
