// From seed 003 ("GC and growable stacks"): the sync.Pool program; complete as printed.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs // cumulative count of heap objects allocated
}

func main() {
	const n = 100_000
	// Without a pool: a fresh buffer every call → n allocations.
	a := mallocs()
	for i := 0; i < n; i++ {
		buf := new(bytes.Buffer)
		buf.WriteString("hello")
		_ = buf.Len()
	}
	fmt.Printf("no pool: ~%d heap allocations\n", mallocs()-a)

	// With a pool: reuse buffers → near-zero allocations after warmup.
	for i := 0; i < 1000; i++ { // warm the pool
		bufPool.Put(bufPool.Get())
	}
	c := mallocs()
	for i := 0; i < n; i++ {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset() // pooled objects are dirty — reset!
		buf.WriteString("hello")
		_ = buf.Len()
		bufPool.Put(buf) // return for the next caller
	}
	fmt.Printf("pooled: ~%d heap allocations (same %d calls)\n", mallocs()-c, n)
}
