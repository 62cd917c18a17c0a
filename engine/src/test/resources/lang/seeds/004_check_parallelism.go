// From seed 004: CheckParallelism; complete as printed.
package main

import (
	"fmt"
	"runtime"
)

// CheckParallelism prints the current parallelism limit.
func CheckParallelism() {
	// Passing 0 returns the current value without changing it.
	cores := runtime.GOMAXPROCS(0)
	fmt.Printf("Running on %d logical cores\n", cores)
}

func main() {
	CheckParallelism()
}
