package dev.goroscope.app.memory;

import dev.goroscope.engine.timeline.MemFigures;

/**
 * The figures the memory chart draws over a run, with their {@code runtime.MemStats} names. Each
 * knows how to read itself from {@link MemFigures}, so the chart and the figures table can never
 * disagree about what a name means.
 */
public enum ChartSeries {
    HEAP_ALLOC("HeapAlloc", true),
    NEXT_GC("NextGC (heap goal)", true),
    STACK_INUSE("StackInuse", true),
    STACK_SYS("StackSys", true),
    GOROUTINES("Goroutines", false),
    NUM_GC("NumGC", false);

    private final String label;
    private final boolean bytes;

    ChartSeries(String label, boolean bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    public String label() {
        return label;
    }

    /** Bytes (labelled in KiB and MiB) rather than a count. */
    public boolean bytes() {
        return bytes;
    }

    /** This figure as {@code Snapshot.mem()} gives it. */
    public long of(MemFigures m) {
        return switch (this) {
            case HEAP_ALLOC -> m.heapAlloc();
            case NEXT_GC -> m.nextGc();
            case STACK_INUSE -> m.stackInuse();
            case STACK_SYS -> m.stackSys();
            case GOROUTINES -> m.goroutines();
            case NUM_GC -> m.numGc();
        };
    }
}
