// From seed 000, second program; complete as printed.
package main

import (
	"time"
)

func holdMemory(n int) {
	var data [128 * 1024]byte // 128 KB
	data[0] = 1
	time.Sleep(10 * time.Second) // Keep goroutine alive
}

func main() {
	for i := 0; i < 1000; i++ {
		go holdMemory(i)
	}
	time.Sleep(30 * time.Second)
}
