package dev.goroscope.engine.runtime;

import java.util.TreeMap;

/**
 * One {@code mcentral}: the spans of one span class (a size class plus the "noscan" bit that
 * separates pointer-free objects, which the collector never scans, from the others).
 *
 * <p>Go puts a per-P {@code mcache} in front of the centrals, holding one span per span class
 * so that most allocations take no lock. The model has a single cache shared by all Ps:
 * {@link #current} stands for the mcache's {@code alloc[spc]}. Go's four span sets
 * (partial/full x swept/unswept) shrink to two maps here, because full swept spans need no
 * list (nothing frees their slots before the next sweep) and the unswept ones are swept in
 * address order whether or not they had room.
 */
final class MCentral {
    /** {@code numSpanClasses}: 68 size classes x {scan, noscan}. */
    static final int NUM_SPAN_CLASSES = 2 * SizeClasses.numClasses();

    /** The span allocations come from now. */
    HeapSpan current;
    /** Swept spans with free slots, by base ({@code partialSwept}). */
    final TreeMap<Long, HeapSpan> partial = new TreeMap<>();
    /** Spans needing sweeping, by base ({@code partialUnswept} and {@code fullUnswept}). */
    final TreeMap<Long, HeapSpan> unswept = new TreeMap<>();

    /** {@code makeSpanClass}. */
    static int spanClass(int sizeClass, boolean noscan) {
        return sizeClass << 1 | (noscan ? 1 : 0);
    }
}
