// Lesson 2: the program of lesson 1 with one change. The buffer is only
// written, never read, so the compiler removes it and every frame is tiny.
package main

import (
	"fmt"
	"runtime"
)

// calls is the same depth that crashed lesson 1.
const calls = 1 << 20

// deep writes into buf but never reads it: the store is dead, and with it
// the whole array. The frame keeps only what the call itself needs.
func deep(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return deep(n-1) + 1
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("StackInuse before:", m.StackInuse, "bytes")
	fmt.Println("calling deep with n =", calls)
	fmt.Println("result:", deep(calls))
	runtime.ReadMemStats(&m)
	fmt.Println("StackInuse after: ", m.StackInuse, "bytes")
}
