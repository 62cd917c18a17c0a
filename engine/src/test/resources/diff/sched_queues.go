// With one P the order in which goroutines run is the order of the runtime's
// queues: runnext first, then the local run queue, whose older half spills to
// the global queue when it is full (256); the global queue gets a turn on
// every 61st goroutine the P starts, and the rest once the local queue is
// empty. A closed channel readies its waiters last-in first-out, so the one
// that waited first ends up in runnext and runs first.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("GOMAXPROCS was", runtime.GOMAXPROCS(1))
	fmt.Println("GOMAXPROCS is", runtime.GOMAXPROCS(0))

	var order []int
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			<-start
			order = append(order, i)
			wg.Done()
		}(i)
	}
	runtime.Gosched() // they all wait on start: 4 first (it was in runnext), then 0-3
	close(start)
	wg.Wait()
	fmt.Println("after close:", order)

	order = order[:0]
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(i int) {
			order = append(order, i)
			wg.Done()
		}(i)
	}
	wg.Wait()
	// 299 was in runnext; 128-255 and 257-298 stayed in the local queue; 0-127
	// and 256 went to the global queue, and most of them ran after the rest.
	fmt.Println("299 first:", order[0] == 299 || order[1] == 299, " 256 last:", order[len(order)-1] == 256)
	var local, global []int
	early := 0
	for _, id := range order {
		if id == 299 {
			continue
		}
		if id >= 128 && id != 256 {
			local = append(local, id)
		} else {
			global = append(global, id)
			if len(local) < 170 {
				early++
			}
		}
	}
	fmt.Println("local queue:", len(local), "in order:", increasing(local))
	fmt.Println("global queue:", len(global), "in order:", increasing(global), " a turn every 61 starts:", early >= 2 && early <= 3)
}

func increasing(s []int) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < s[i-1] {
			return false
		}
	}
	return true
}
