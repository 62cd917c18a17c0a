// Lesson 2: the compiler drops a buffer that is only written, so this does not overflow.
package main

import "fmt"

func deep(n int) {
	var buf [1024]byte
	buf[0] = byte(n)
	if n > 0 {
		deep(n - 1)
	}
}

func main() {
	deep(1 << 21)
	fmt.Println("done without a stack overflow")
}
