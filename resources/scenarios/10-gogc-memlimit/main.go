// Lesson 10: the same work under GOGC 50, 100 and 200, then under a memory
// limit with GOGC off: first a limit with room to spare, then one the live
// data does not fit under (the death spiral).
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

const (
	chunk   = 64 << 10  // each allocation: 64 KiB
	live    = 16 << 20  // data the program keeps: 16 MiB
	garbage = 256 << 20 // data it allocates and drops: 256 MiB
)

var kept [][]byte // the live data; a package variable so the GC sees it
var sink []byte   // the latest piece of garbage

// mib converts bytes to MiB for printing.
func mib(b uint64) float64 {
	return float64(b) / (1 << 20)
}

// run forces a GC, so that only the live data is marked, and prints the
// heap goal the pacer derives from it. Then it allocates 256 MiB of
// garbage, 64 KiB at a time, and reports how many GCs that took, the goal
// after the last of them, and how long the loop ran.
func run(label string) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	for i := 0; i < garbage/chunk; i++ {
		sink = make([]byte, chunk)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("%-26s goal %5.1f MiB | %4d GCs, last goal %5.1f MiB, %d ms\n", label, mib(before.NextGC),
		after.NumGC-before.NumGC, mib(after.NextGC), elapsed.Milliseconds())
}

func main() {
	runtime.GOMAXPROCS(1) // one P: the GC counts repeat from run to run
	for i := 0; i < live/chunk; i++ {
		kept = append(kept, make([]byte, chunk))
	}
	fmt.Println("live data: 16 MiB; garbage: 256 MiB in 64 KiB pieces; GOMAXPROCS=1")
	fmt.Println("setting                    goal after runtime.GC() | during the loop")

	for _, gogc := range []int{50, 100, 200} {
		debug.SetGCPercent(gogc)
		run(fmt.Sprintf("GOGC=%d", gogc))
	}

	debug.SetGCPercent(-1) // GOGC=off: only the memory limit triggers a GC
	debug.SetMemoryLimit(64 << 20)
	run("GOGC=off GOMEMLIMIT=64MiB")

	debug.SetMemoryLimit(16 << 20) // less than the live data plus the runtime's own memory
	run("GOGC=off GOMEMLIMIT=16MiB")

	debug.SetMemoryLimit(1<<63 - 1) // no limit again
	debug.SetGCPercent(100)
}
