// runtime.Goexit runs the goroutine's deferred calls (recover returns nil there), then ends
// the goroutine; a panic in one of those calls can be recovered and Goexit goes on.
package main

import (
	"fmt"
	"runtime"
)

func worker(done chan bool) {
	defer func() { done <- true }()
	defer fmt.Println("worker: deferred call runs, recover gives", recover())
	func() {
		defer fmt.Println("worker: inner deferred call")
		runtime.Goexit()
	}()
	fmt.Println("not reached")
}

func recovers(done chan bool) {
	defer func() { done <- true }()
	defer func() { fmt.Println("recovered inside Goexit:", recover()) }()
	defer func() { panic("panic in a deferred call") }()
	runtime.Goexit()
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	go recovers(done)
	<-done
	fmt.Println("main done")
}
