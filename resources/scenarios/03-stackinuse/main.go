// Lesson 3: what runtime.ReadMemStats says about stacks before and after a
// recursion, and after the next garbage collection.
package main

import (
	"fmt"
	"runtime"
)

// recurse keeps a 1 KiB buffer in every frame (it reads it back after the
// call, so the compiler cannot drop it).
func recurse(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return recurse(n-1) + int(buf[n%len(buf)])
}

func stackInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

func main() {
	before := stackInuse()
	fmt.Println("StackInuse before recursion: ", before)

	recurse(1000) // about 1 MiB of frames
	after := stackInuse()
	fmt.Println("StackInuse after recursion:  ", after, " change:", int64(after)-int64(before))

	runtime.GC() // the GC scans main's stack and may halve it
	gc1 := stackInuse()
	fmt.Println("StackInuse after runtime.GC():", gc1, " change:", int64(gc1)-int64(after))

	runtime.GC()
	gc2 := stackInuse()
	fmt.Println("StackInuse after a second GC: ", gc2, " change:", int64(gc2)-int64(gc1))
}
