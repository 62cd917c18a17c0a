// sync.Pool's own allocations: its per-P array (128 bytes a P) and its place in allPools,
// made on the first Get or Put after each GC; fmt's printer pool registers first.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type buf struct{ b []byte }

var pool = sync.Pool{New: func() any { return &buf{b: make([]byte, 0, 64)} }}

func allocs() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func use(label string) {
	m0, t0 := allocs()
	b := pool.Get().(*buf)
	b.b = append(b.b[:0], 'x')
	pool.Put(b)
	m1, t1 := allocs()
	fmt.Println(label, m1-m0, "allocations", t1-t0, "bytes")
}

func main() {
	fmt.Println("GOMAXPROCS was", runtime.GOMAXPROCS(1), "now", runtime.GOMAXPROCS(0))
	use("first use:")
	use("second use:")
	runtime.GC()
	use("after one GC:")
	runtime.GC()
	runtime.GC()
	use("after two more:")
	runtime.GOMAXPROCS(2)
	runtime.GC()
	runtime.GC()
	use("two Ps, two GCs later:")
}
