package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.runtime.Sys;
import java.util.Arrays;

/**
 * The page heap as the replica sees it: spans in use, the arena size, and which free pages are
 * released to the OS, giving {@code StackInuse}, {@code HeapInuse}, {@code HeapIdle},
 * {@code HeapSys} and {@code HeapReleased} as {@code mstats.go} defines them.
 *
 * <p>Why released pages are tracked page-exactly: the runtime counts fresh arena memory as
 * released until a span takes it, and a span taking released pages lowers HeapReleased without
 * saying by how much ({@link HeapEvent.SpanAllocated} does not carry it). The replica mirrors the
 * page heap's rule (grown pages are released, a span unreleases its pages, the scavenger
 * releases the ranges it names, or every free page) and logs the pieces a span took so that
 * undo puts them back.
 */
final class Spans {
    private final LongIntMap spans;
    private long arena;
    private long stackInuse;
    private long heapInuse;
    private long[] released = Ranges.EMPTY;

    Spans(Cow.Meter m) {
        spans = new LongIntMap(m);
    }

    private Spans(Spans o, Cow.Meter m) {
        spans = o.spans.copy(m);
        arena = o.arena;
        stackInuse = o.stackInuse;
        heapInuse = o.heapInuse;
        released = o.released;
    }

    Spans copy(Cow.Meter m) {
        return new Spans(this, m);
    }

    long arena() {
        return arena;
    }

    long stackInuse() {
        return stackInuse;
    }

    long heapInuse() {
        return heapInuse;
    }

    long released() {
        return Ranges.bytes(released);
    }

    int count() {
        return spans.size();
    }

    void apply(HeapEvent e, UndoLog.Cursor log) {
        if (e instanceof HeapEvent.SpanAllocated) {
            HeapEvent.SpanAllocated s = (HeapEvent.SpanAllocated) e;
            long end = s.base() + (s.npages() << Sys.PAGE_SHIFT);
            if (spans.get(s.base()) >= 0) {
                throw new IllegalStateException("two spans at 0x" + Long.toHexString(s.base()));
            }
            spans.put(s.base(), (int) s.npages());
            count(s.spanKind().isStack(), s.npages());
            long[] taken = Ranges.intersect(released, s.base(), end);
            log.pushObject(taken);
            if (taken.length > 0) {
                released = Ranges.subtract(released, s.base(), end);
            }
        } else if (e instanceof HeapEvent.SpanFreed) {
            HeapEvent.SpanFreed s = (HeapEvent.SpanFreed) e;
            if (spans.get(s.base()) != s.npages()) {
                throw new IllegalStateException("free of a span not in use at 0x" + Long.toHexString(s.base()));
            }
            spans.remove(s.base());
            count(s.spanKind().isStack(), -s.npages());
        } else if (e instanceof HeapEvent.ArenaGrew) {
            HeapEvent.ArenaGrew g = (HeapEvent.ArenaGrew) e;
            if (arena != g.oldBytes()) {
                throw new IllegalStateException("arena is " + arena + " bytes, the event says " + g.oldBytes());
            }
            arena = g.newBytes();
            released = Ranges.union(released, Sys.ARENA_BASE + g.oldBytes(), Sys.ARENA_BASE + g.newBytes());
        } else if (e instanceof HeapEvent.Scavenged sc) {
            log.pushObject(released);
            if (sc.ranges() == null) {
                released = freeRanges();
            } else {
                for (int i = 0; i < sc.ranges().length; i += 2) {
                    released = Ranges.union(released, sc.ranges()[i], sc.ranges()[i + 1]);
                }
            }
        }
    }

    void undo(HeapEvent e, UndoLog.Cursor log) {
        if (e instanceof HeapEvent.SpanAllocated) {
            HeapEvent.SpanAllocated s = (HeapEvent.SpanAllocated) e;
            long[] taken = (long[]) log.popObject();
            for (int i = 0; i < taken.length; i += 2) {
                released = Ranges.union(released, taken[i], taken[i + 1]);
            }
            spans.remove(s.base());
            count(s.spanKind().isStack(), -s.npages());
        } else if (e instanceof HeapEvent.SpanFreed) {
            HeapEvent.SpanFreed s = (HeapEvent.SpanFreed) e;
            spans.put(s.base(), (int) s.npages());
            count(s.spanKind().isStack(), s.npages());
        } else if (e instanceof HeapEvent.ArenaGrew) {
            HeapEvent.ArenaGrew g = (HeapEvent.ArenaGrew) e;
            arena = g.oldBytes();
            released = Ranges.subtract(released, Sys.ARENA_BASE + g.oldBytes(), Sys.ARENA_BASE + g.newBytes());
        } else if (e instanceof HeapEvent.Scavenged) {
            released = (long[]) log.popObject();
        }
    }

    private void count(boolean stack, long npages) {
        long b = npages << Sys.PAGE_SHIFT;
        if (stack) {
            stackInuse += b;
        } else {
            heapInuse += b;
        }
    }

    /** Every arena page that no span holds: what the scavenger releases. */
    private long[] freeRanges() {
        long[] bases = new long[spans.size()];
        long[] ends = new long[spans.size()];
        int[] n = {0};
        spans.forEach((base, npages) -> {
            bases[n[0]] = base;
            n[0]++;
        });
        Arrays.sort(bases);
        for (int i = 0; i < bases.length; i++) {
            ends[i] = bases[i] + ((long) spans.get(bases[i]) << Sys.PAGE_SHIFT);
        }
        // Gaps between sorted spans never touch each other, so they are appended, not merged.
        long[] out = new long[2 * bases.length + 2];
        int k = 0;
        long at = Sys.ARENA_BASE;
        for (int i = 0; i <= bases.length; i++) {
            long to = i < bases.length ? bases[i] : Sys.ARENA_BASE + arena;
            if (at < to) {
                out[k++] = at;
                out[k++] = to;
            }
            if (i < bases.length) {
                at = ends[i];
            }
        }
        return k == 0 ? Ranges.EMPTY : Arrays.copyOf(out, k);
    }
}
