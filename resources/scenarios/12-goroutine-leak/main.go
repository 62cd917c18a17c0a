// Lesson 12: a goroutine leak. Each search asks three replicas and keeps
// the first answer. The two slower replicas then block forever on a send
// nobody receives: their goroutines, and their stacks, are never freed.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const (
	searches = 1000
	replicas = 3
)

// lookup stands for the work a replica does: 10 levels with a 1 KiB buffer
// each, so the replica's stack grows to 16 KiB.
func lookup(n int) int {
	var buf [1024]byte
	buf[n%len(buf)] = byte(n)
	if n == 0 {
		return 0
	}
	return lookup(n-1) + int(buf[n%len(buf)])
}

// computed counts replicas that have done their work (but maybe not sent).
var computed sync.WaitGroup

func replica(q int, results chan int) {
	answer := lookup(10) + q
	computed.Done()
	results <- answer
}

// search returns the first replica's answer. With leaky set, the results
// channel has no buffer, so the other two replicas wait on their send
// forever. Otherwise it has room for every answer, and they all finish.
func search(q int, leaky bool) int {
	var results chan int
	if leaky {
		results = make(chan int)
	} else {
		results = make(chan int, replicas)
	}
	computed.Add(replicas)
	for r := 0; r < replicas; r++ {
		go replica(q, results)
	}
	return <-results
}

func report(label string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%-36s goroutines=%5d  StackInuse=%9d\n", label, runtime.NumGoroutine(), m.StackInuse)
}

// settle waits until every replica has done its work, then gives them up
// to a second to finish, until at most want goroutines are left.
func settle(want int) {
	computed.Wait()
	for i := 0; i < 1000 && runtime.NumGoroutine() > want; i++ {
		time.Sleep(time.Millisecond)
	}
}

func main() {
	report("start")

	for q := 0; q < searches; q++ {
		search(q, true)
	}
	settle(1 + searches*(replicas-1))
	report("1000 searches, unbuffered channel")
	for i := 1; i <= 3; i++ {
		runtime.GC()
		report(fmt.Sprintf("  after GC %d", i))
	}
	fmt.Println("  the blocked replicas stay: a parked goroutine is never collected")

	start := runtime.NumGoroutine()
	for q := 0; q < searches; q++ {
		search(q, false)
	}
	settle(start)
	report("1000 more searches, buffered channel")
	fmt.Println("  new goroutines left behind:", runtime.NumGoroutine()-start)
}
