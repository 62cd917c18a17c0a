// Lesson 8: 1000 tasks that each need about 17 KiB of stack, handled by one
// goroutine per task, then by a pool of 4 workers.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const (
	tasks   = 1000
	workers = 4
)

// work recurses 16 levels with a 1 KiB buffer per frame, so a task's
// goroutine needs a 32 KiB stack while it runs.
func work(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return work(n-1) + int(buf[n%len(buf)])
}

func stackInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

// report prints how many goroutines exist and how much stack they hold
// beyond what the program had before the tasks came.
func report(label string, base uint64) {
	extra := stackInuse() - base
	n := runtime.NumGoroutine() - 1 // not counting main
	fmt.Printf("%-15s goroutines besides main=%4d  stack=%9d B  (%.1f KiB per goroutine)\n",
		label, n, extra, float64(extra)/float64(n)/1024)
}

// perTask starts one goroutine per task. Each does its work and then waits
// (as if for a slow client) until every task has been handled.
func perTask(base uint64) {
	var handled sync.WaitGroup
	release := make(chan struct{})
	handled.Add(tasks)
	for i := 0; i < tasks; i++ {
		go func(id int) {
			work(16 + id%2)
			handled.Done()
			<-release
		}(i)
	}
	handled.Wait()
	report("per task, peak", base)
	close(release)
}

// pool hands the same tasks to a fixed set of workers over a channel.
func pool(base uint64) {
	jobs := make(chan int)
	var started, handled, stopped sync.WaitGroup
	var done [workers]int // tasks handled by each worker
	started.Add(workers)
	handled.Add(tasks)
	stopped.Add(workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			started.Done()
			for id := range jobs {
				work(16 + id%2)
				done[w]++
				handled.Done()
			}
			stopped.Done()
		}(w)
	}
	started.Wait()
	for i := 0; i < tasks; i++ {
		jobs <- i
	}
	handled.Wait()
	report("pool, peak", base)
	close(jobs)
	stopped.Wait()
	fmt.Println("tasks handled by each worker:", done)
}

func main() {
	base := stackInuse()
	perTask(base)
	runtime.GC()
	base = stackInuse()
	pool(base)
}
