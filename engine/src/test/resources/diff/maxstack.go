// debug.SetMaxStack as a tighter limit: a 1 MiB stack is allowed, growing to 2 MiB is not.
package main

import (
	"fmt"
	"runtime/debug"
)

var sink int

func walk(n int) int {
	var buf [256]int
	buf[n%256] = n
	sink += buf[(n*3)%256]
	if n == 0 {
		return 0
	}
	return walk(n-1) + 1
}

func main() {
	old := debug.SetMaxStack(1 << 20)
	fmt.Println("old limit", old)
	fmt.Println(walk(100))
	fmt.Println(walk(1000000))
}
