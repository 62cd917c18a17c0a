package dev.goroscope.engine.timeline;

/**
 * Memory figures with {@code runtime.MemStats} meanings (mstats.go): {@code stackInuse} is the
 * bytes of stack spans, {@code heapInuse} of heap spans, {@code heapSys = arena - stackInuse},
 * {@code heapIdle = heapSys - heapInuse}; {@code heapAlloc} sums the size-class slots of live
 * objects; {@code stackSys} equals {@code stackInuse} (no cgo, no efence).
 *
 * @param nextGc     the heap goal of the next cycle (4 MiB before the first)
 * @param goroutines what {@code runtime.NumGoroutine} returns: goroutines that are not dead, the
 *                   runtime's own excluded ({@link GoroutineView#system})
 * @param arena      heap address space mapped, stacks included
 */
public record MemFigures(long heapAlloc, long heapObjects, long mallocs, long frees, long heapInuse,
                         long heapIdle, long heapSys, long heapReleased, long stackInuse, long stackSys,
                         long numGc, long nextGc, long goroutines, long arena) {
}
