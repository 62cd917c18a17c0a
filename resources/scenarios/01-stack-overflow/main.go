// Lesson 1: recursion that really uses a 1 KiB buffer in every frame,
// until the runtime refuses to grow the stack any further.
package main

import (
	"fmt"
	"runtime"
)

// calls is how deep we ask to go: 1,048,576 frames of a bit more than
// 1 KiB each would need more than 1 GiB of stack.
const calls = 1 << 20

// deep writes one byte of its buffer, recurses, and then reads that byte
// back. The read after the call keeps buf alive, so the whole 1 KiB array
// stays in every frame.
func deep(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return deep(n-1) + int(buf[n%len(buf)])
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("StackInuse before:", m.StackInuse, "bytes")
	fmt.Println("calling deep with n =", calls)
	fmt.Println("result:", deep(calls)) // never printed: the stack overflows first
}
