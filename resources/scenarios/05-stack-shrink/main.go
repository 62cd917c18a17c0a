// Lesson 5: a goroutine recurses deep once, then sits idle. Each GC halves
// its stack, one step per cycle, until it is small enough.
//
// Also run with: GODEBUG=gcshrinkstackoff=1
package main

import (
	"fmt"
	"runtime"
)

// recurse keeps a 1 KiB buffer in every frame.
func recurse(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return recurse(n-1) + int(buf[n%len(buf)])
}

// worker does one deep recursion, reports back, and then waits on a
// channel, doing nothing, with a shallow stack.
func worker(done chan int, quit chan struct{}) {
	done <- recurse(1500) // about 1.5 MiB of frames: the stack grows to 2 MiB
	<-quit
}

func stackInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

func main() {
	done := make(chan int)
	quit := make(chan struct{})
	base := stackInuse()
	go worker(done, quit)
	<-done
	prev := stackInuse()
	fmt.Printf("worker idle after recursing: StackInuse %8d  (%d more than at the start)\n", prev, prev-base)

	for i := 1; i <= 10; i++ {
		runtime.GC()
		now := stackInuse()
		fmt.Printf("after GC %2d:                StackInuse %8d  change %8d\n", i, now, int64(now)-int64(prev))
		prev = now
	}
	close(quit)
}
