// With one P, a sender and a receiver that take turns hand the P to each other
// through runnext: the receiver the sender readies runs next, and readies the
// sender in turn, inheriting the time slice. The other workers, pushed out of
// runnext into the local queue, wait until the sender stops.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func work(n int) int {
	var buf [256]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return work(n-1) + int(buf[n%len(buf)])
}

func main() {
	runtime.GOMAXPROCS(1)
	jobs := make(chan int)
	var started, stopped sync.WaitGroup
	var done [4]int
	started.Add(4)
	stopped.Add(4)
	for w := 0; w < 4; w++ {
		go func(w int) {
			started.Done()
			for id := range jobs {
				work(8 + id%2)
				done[w]++
			}
			stopped.Done()
		}(w)
	}
	started.Wait()
	for i := 0; i < 500; i++ {
		jobs <- i
	}
	close(jobs)
	stopped.Wait()
	fmt.Println("tasks handled by each worker:", done)
}
