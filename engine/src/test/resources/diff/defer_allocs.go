// Where defer records live (Go 1.19): a defer in a loop takes a heap record from the P's pool,
// or allocates one (80 B), and its wrapper closure escapes (16 B with one int); other defers
// allocate nothing.
package main

import (
	"fmt"
	"runtime"
)

var sink int

//go:noinline
func add(i int) { sink += i }

//go:noinline
func noargs() { sink++ }

func loopArgs(n int) {
	for i := 0; i < n; i++ {
		defer add(i)
	}
}

func loopNoArgs(n int) {
	for i := 0; i < n; i++ {
		defer noargs()
	}
}

func straight(n int) {
	defer add(n)
	defer noargs()
}

func measure(name string, f func(int), n int) {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f(n)
	runtime.ReadMemStats(&b)
	fmt.Println(name, n, "mallocs", b.Mallocs-a.Mallocs, "bytes", b.TotalAlloc-a.TotalAlloc)
}

func main() {
	measure("straight", straight, 1)
	for _, n := range []int{1, 10, 100} {
		measure("loop with an argument", loopArgs, n)
		measure("loop without arguments", loopNoArgs, n)
	}
	measure("loop with an argument", loopArgs, 100)
	measure("straight", straight, 1)
}
