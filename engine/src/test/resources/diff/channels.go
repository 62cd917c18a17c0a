// Goroutines, buffered and unbuffered channels, comma-ok receive, close, and a deadlock.
package main

import (
	"fmt"
	"runtime"
)

func worker(id int, jobs chan int, results chan int) {
	for {
		j, ok := <-jobs
		if !ok {
			break
		}
		results <- j * j
	}
	results <- -id
}

func main() {
	jobs := make(chan int, 4)
	results := make(chan int)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	for k := 1; k <= 6; k++ {
		jobs <- k
	}
	close(jobs)
	sum, done := 0, 0
	for done < 3 {
		v := <-results
		if v < 0 {
			done++
		} else {
			sum += v
		}
	}
	fmt.Println("sum of squares", sum, "cap", cap(jobs), "len", len(jobs))
	block := make(chan string)
	block <- "nobody listens"
}
