// Deep recursion: each frame holds a 1 KiB array, so the goroutine stack grows by copying.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

const frameBytes = 1 << 10

//go:noinline
func deep(n int) int {
	var buf [frameBytes]byte
	buf[0] = byte(n)
	if n == 0 {
		return int(buf[0])
	}
	return deep(n-1) + int(buf[0])
}

//go:nosplit
//go:noinline
func leaf(a, b int) (sum int) {
	sum = a + b
	return
}

func fib(n uint64) uint64 {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	debug.SetMaxStack(64 * 1024 * 1024)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fmt.Println(deep(10_000), leaf(1, 2), fib(20))
	runtime.ReadMemStats(&after)
	fmt.Printf("StackInuse grew by %d bytes\n", after.StackInuse-before.StackInuse)
	var grid [4][4]float64
	grid[1][2] = 3.5e-2
	_ = grid
}
