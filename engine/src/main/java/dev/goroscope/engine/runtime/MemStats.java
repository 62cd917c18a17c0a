package dev.goroscope.engine.runtime;

/**
 * {@code runtime.MemStats}, with the fields' real names in Java casing, computed from spans and
 * objects the way {@code readmemstats_m} does (§2.9).
 *
 * @param heapAlloc    bytes of allocated heap objects, including unreachable ones not yet swept
 * @param heapSys      heap memory from the OS, stacks excluded
 * @param heapIdle     bytes in idle spans (including released ones)
 * @param heapInuse    bytes in in-use heap spans
 * @param heapReleased idle bytes returned to the OS
 * @param stackInuse   bytes in stack spans, cached and pooled stacks included
 * @param stackSys     stack memory from the OS: equal to StackInuse in a non-cgo program
 * @param nextGC       the heap goal of the next cycle
 * @param mspanSys     span structures ({@link RuntimeSys})
 * @param mcacheSys    per-P caches
 * @param buckHashSys  the profiling bucket table
 * @param gcSys        GC metadata: heap bitmaps and the other per-arena tables
 * @param otherSys     the runtime's other allocations
 */
public record MemStats(
        long alloc,
        long totalAlloc,
        long sys,
        long mallocs,
        long frees,
        long heapAlloc,
        long heapSys,
        long heapIdle,
        long heapInuse,
        long heapReleased,
        long heapObjects,
        long stackInuse,
        long stackSys,
        long nextGC,
        int numGC,
        int numForcedGC,
        long mspanSys,
        long mcacheSys,
        long buckHashSys,
        long gcSys,
        long otherSys) {

    /** The field names as Go prints them, with values, for {@code --memstats}. */
    public String format() {
        return String.join("\n",
                "Alloc = " + alloc, "TotalAlloc = " + totalAlloc, "Sys = " + sys, "Mallocs = " + mallocs,
                "Frees = " + frees, "HeapAlloc = " + heapAlloc, "HeapSys = " + heapSys, "HeapIdle = " + heapIdle,
                "HeapInuse = " + heapInuse, "HeapReleased = " + heapReleased, "HeapObjects = " + heapObjects,
                "StackInuse = " + stackInuse, "StackSys = " + stackSys, "NextGC = " + nextGC,
                "NumGC = " + numGC, "NumForcedGC = " + numForcedGC, "MSpanSys = " + mspanSys,
                "MCacheSys = " + mcacheSys, "BuckHashSys = " + buckHashSys, "GCSys = " + gcSys, "OtherSys = " + otherSys);
    }
}
