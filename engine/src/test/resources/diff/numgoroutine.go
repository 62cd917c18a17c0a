// runtime.NumGoroutine leaves out the runtime's own goroutines (forcegc, bgsweep,
// bgscavenge, runfinq and the mark workers the first GC starts): gcount() subtracts
// sched.ngsys.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	var started, finished sync.WaitGroup
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			started.Done()
			<-done
			finished.Done()
		}()
	}
	started.Wait()
	fmt.Println("three blocked:", runtime.NumGoroutine())
	runtime.GC()
	fmt.Println("after a GC:", runtime.NumGoroutine())
	close(done)
	finished.Wait()
	runtime.Gosched()
	fmt.Println("after they exit:", runtime.NumGoroutine())
}
