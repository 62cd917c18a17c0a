// Goroutines on two Ps: CPU-bound workers, a ring of goroutines passing a
// token, and GOMAXPROCS changed while goroutines run (the Ps that go give
// their goroutines to the global queue). The results do not depend on which
// P ran what.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func sum(from, to int) int {
	s := 0
	for i := from; i < to; i++ {
		s += i % 7
	}
	return s
}

func main() {
	fmt.Println("GOMAXPROCS", runtime.GOMAXPROCS(0))
	results := make([]int, 4)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results[w] = sum(w*200000, (w+1)*200000)
		}(w)
	}
	wg.Wait()
	fmt.Println("sums:", results)

	// A ring of 500 goroutines: each passes the token on, plus one.
	first := make(chan int)
	in := first
	for i := 0; i < 500; i++ {
		out := make(chan int)
		go func(in, out chan int) {
			out <- 1 + <-in
		}(in, out)
		in = out
	}
	first <- 0
	fmt.Println("token after the ring:", <-in)

	// Shrink to one P while four workers compute, then grow back.
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results[w] = sum(0, (w+1)*100000)
		}(w)
	}
	fmt.Println("GOMAXPROCS was", runtime.GOMAXPROCS(1))
	wg.Wait()
	fmt.Println("sums with one P:", results)
	fmt.Println("GOMAXPROCS was", runtime.GOMAXPROCS(2))
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
