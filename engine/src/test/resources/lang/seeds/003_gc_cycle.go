// From seed 003: watching a forced GC cycle deterministically; complete as printed.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)

	// Allocate a few MiB of immediate garbage (unreferenced → collectable).
	for i := 0; i < 16; i++ {
		_ = make([]byte, 1<<20) // 1 MiB each, dropped immediately
	}

	runtime.GC() // force exactly one full cycle
	runtime.ReadMemStats(&after)

	// NumGC is monotonic, so this delta is stable everywhere.
	fmt.Println("at least one GC ran:", after.NumGC > before.NumGC)
	// TotalAlloc is cumulative and never decreases — we allocated 16 MiB.
	fmt.Println("allocated more after the loop:", after.TotalAlloc > before.TotalAlloc)
	// GCCPUFraction is a fraction in [0,1] — a stable invariant.
	fmt.Println("GC CPU fraction <= 1:", after.GCCPUFraction <= 1)
	// After a forced GC, the next-GC heap goal is set (non-zero) — stable.
	fmt.Println("next-GC goal is set:", after.NextGC > 0)
}
