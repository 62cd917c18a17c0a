// Lesson 3: StackInuse before and after a recursion, read with runtime.ReadMemStats.
package main

import (
	"fmt"
	"runtime"
)

var sink int

func deep(n int) {
	var buf [100]int
	buf[n%100] = n
	sink += buf[(n*3)%100]
	if n > 0 {
		deep(n - 1)
	}
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	deep(10000)
	runtime.ReadMemStats(&m)
	after := m.StackInuse
	fmt.Println("StackInuse grew by", after-before)
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println("NumGC", m.NumGC)
}
