// Deferred calls are ordinary calls: a deferred function with a large frame grows the
// goroutine's stack, whether it runs at a return, while panicking, or from a loop's defers.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink int

//go:noinline
func big(k int) {
	var buf [20000]int
	buf[(sink+k)%20000] = k
	sink += buf[3]
}

func atReturn() {
	defer big(1)
	sink++
}

func whilePanicking() {
	defer func() { recover() }()
	defer big(2)
	panic("unwinding")
}

func fromLoop() {
	for i := 0; i < 3; i++ {
		defer big(i)
	}
}

func stackAfter(f func()) uint64 {
	done := make(chan uint64)
	go func() {
		var m runtime.MemStats
		f()
		runtime.ReadMemStats(&m)
		done <- m.StackInuse
	}()
	v := <-done
	// Let the goroutine finish exiting before the next one measures: otherwise real Go may
	// still count its big stack (it sends before it exits).
	time.Sleep(10 * time.Millisecond)
	return v
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	fmt.Println("at return: StackInuse grew by", stackAfter(atReturn)-before)
	fmt.Println("while panicking: StackInuse grew by", stackAfter(whilePanicking)-before)
	fmt.Println("from a loop: StackInuse grew by", stackAfter(fromLoop)-before)
}
