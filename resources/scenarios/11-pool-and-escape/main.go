// Lesson 11: where values live. Escape analysis keeps a local on the stack
// unless its address outlives the function; sync.Pool lets a hot loop
// reuse heap buffers instead of allocating new ones.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// counterValue returns a copy of c: c never leaves the frame, so it stays
// on the stack. (go build -gcflags=-m prints nothing for c.)
//
//go:noinline
func counterValue() int {
	c := 0
	c++
	return c
}

// newCounter returns &c: c must outlive the frame, so the compiler puts it
// on the heap. (go build -gcflags=-m prints "moved to heap: c".)
// noinline keeps the call a real call: inlined into a caller that does not
// keep the pointer, c could stay on the caller's stack after all.
//
//go:noinline
func newCounter() *int {
	c := 0
	c++
	return &c
}

// buffer is the scratch space one request needs.
type buffer struct {
	data []byte
}

var size = 4096 // not a constant, so make below cannot use the stack

var pool = sync.Pool{New: func() any {
	news++
	return &buffer{data: make([]byte, 0, size)}
}}

var news int // how often the pool had to call New

// handle fills a buffer for request i and returns its length. With usePool
// false it allocates a fresh buffer every time.
func handle(i int, usePool bool) int {
	var b *buffer
	if usePool {
		b = pool.Get().(*buffer)
		b.data = b.data[:0] // pooled buffers come back dirty: reset
	} else {
		b = &buffer{data: make([]byte, 0, size)}
	}
	for j := 0; j < 100; j++ {
		b.data = append(b.data, byte(i+j))
	}
	n := len(b.data)
	if usePool {
		pool.Put(b)
	}
	return n
}

// counts reads the cumulative allocation counters.
func counts() (mallocs, bytes uint64, gcs uint32) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc, m.NumGC
}

func measure(label string, f func()) {
	m0, b0, g0 := counts()
	f()
	m1, b1, g1 := counts()
	fmt.Printf("%-34s %7d allocations %10d bytes %3d GCs\n", label, m1-m0, b1-b0, g1-g0)
}

func main() {
	// One P: sync.Pool keeps a cache per P, and the last part of this
	// lesson should not depend on which P main happens to run on.
	runtime.GOMAXPROCS(1)
	const n = 100000
	sum := 0
	measure("counterValue() x 100000", func() {
		for i := 0; i < n; i++ {
			sum += counterValue()
		}
	})
	measure("*newCounter() x 100000", func() {
		for i := 0; i < n; i++ {
			sum += *newCounter()
		}
	})
	measure("100000 requests, new buffer each", func() {
		for i := 0; i < n; i++ {
			sum += handle(i, false)
		}
	})
	measure("100000 requests, sync.Pool", func() {
		for i := 0; i < n; i++ {
			sum += handle(i, true)
		}
	})
	fmt.Println("pool.New was called", news, "times")

	runtime.GC()
	handle(0, true)
	fmt.Println("after 1 GC, pool.New calls:", news, "(the buffer survived in the victim cache)")
	runtime.GC()
	runtime.GC()
	handle(0, true)
	fmt.Println("after 2 more GCs, pool.New calls:", news, "(the pool was emptied)")
	fmt.Println("checksum:", sum)
}
