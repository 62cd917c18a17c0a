// select: receives with ok, send-or-default, a timeout with time.After, and select {} deadlocking.
package main

import (
	"fmt"
	"time"
)

func producer(n int, out chan int, done chan bool) {
	for i := 0; i < n; i++ {
		out <- i
	}
	done <- true
}

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go producer(3, a, done)
	go producer(4, b, done)
	sum, finished := 0, 0
	for finished < 2 {
		select {
		case v := <-a:
			sum += v
		case v, ok := <-b:
			if ok {
				sum += 10 * v
			}
		case <-done:
			finished++
		}
	}
	fmt.Println("sum", sum)
	quit := make(chan int, 1)
	select {
	case quit <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case quit <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	timeout := time.After(50 * time.Millisecond)
	never := make(chan int)
	select {
	case <-never:
		fmt.Println("impossible")
	case <-timeout:
		fmt.Println("timed out")
	}
	select {}
}
