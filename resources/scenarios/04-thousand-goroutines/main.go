// Lesson 4: 1000 goroutines, each with a 128 KiB array on its stack.
// How much stack memory is that, really?
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const goroutines = 1000

// unused only writes its array, so the compiler removes it: the goroutine
// needs no more than its starting stack.
func unused(id int, ready *sync.WaitGroup, release chan struct{}) {
	var data [128 * 1024]byte
	data[id%len(data)] = 1
	ready.Done()
	<-release
}

// used writes its array, waits, then reads all of it back, so the whole
// 128 KiB array has to live in the goroutine's frame.
func used(id int, ready *sync.WaitGroup, release chan struct{}, sums chan int) {
	var data [128 * 1024]byte
	data[id%len(data)] = 1
	ready.Done()
	<-release
	sum := 0
	for i := 0; i < len(data); i++ {
		sum += int(data[i])
	}
	sums <- sum
}

// report prints the goroutine count and StackInuse, and returns StackInuse.
func report(label string) uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%-32s goroutines=%4d  StackInuse=%10d bytes\n", label, runtime.NumGoroutine(), m.StackInuse)
	return m.StackInuse
}

// perGoroutine prints how much StackInuse grew per parked goroutine.
func perGoroutine(now, base uint64) {
	per := float64(now-base) / goroutines
	fmt.Printf("%-32s %.0f bytes = %.1f KiB\n", "  stack per goroutine:", per, per/1024)
}

func main() {
	base := report("start")

	var ready sync.WaitGroup
	release := make(chan struct{})
	ready.Add(goroutines)
	for i := 0; i < goroutines; i++ {
		go unused(i, &ready, release)
	}
	ready.Wait()
	perGoroutine(report("1000 parked, array only written"), base)
	close(release)

	release = make(chan struct{})
	sums := make(chan int, goroutines)
	ready.Add(goroutines)
	for i := 0; i < goroutines; i++ {
		go used(i, &ready, release, sums)
	}
	ready.Wait()
	perGoroutine(report("1000 parked, array really used"), base)
	close(release)
	total := 0
	for i := 0; i < goroutines; i++ {
		total += <-sums
	}
	fmt.Println("sum of all arrays:", total)
	report("all finished")
	runtime.GC()
	report("after runtime.GC()")
}
