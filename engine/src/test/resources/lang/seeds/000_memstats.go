// From seed 000, third program (runtime.ReadMemStats before and after recursion); complete as printed.
package main

import (
	"fmt"
	"runtime"
)

func recurse(n int) {
	var buf [1024]byte
	buf[0] = byte(n)
	if n > 0 {
		recurse(n - 1)
	}
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("Before:", m.StackInuse)
	recurse(1000)
	runtime.ReadMemStats(&m)
	fmt.Println("After:", m.StackInuse)
}
