package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.EventSink;
import java.util.Arrays;
import java.util.Set;

/**
 * A recorded run: every event the runtime emitted, in order, with an index per event kind so
 * that "run to the next stack growth" is a binary search, not a scan of ten million events.
 *
 * <p>Threads: one producer (the engine's worker) calls {@link #emit}; any number of readers (the
 * UI, players) call the rest, without locks. Events live in fixed-size chunks that never move;
 * the producer stores an event, then publishes the new size through a volatile field, so a
 * reader that sees size {@code n} sees events {@code [0, n)} complete.
 */
public final class Timeline implements EventSink {
    private static final int SHIFT = 14;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;
    private static final EventKind[] KINDS = EventKind.values();

    private volatile Event[][] spine = new Event[16][];
    private volatile int size;
    private final IndexList[] byKind = new IndexList[KINDS.length];

    public Timeline() {
        for (int k = 0; k < KINDS.length; k++) {
            byKind[k] = new IndexList();
        }
    }

    /** Appends an event. Called by the one producer thread only. */
    @Override
    public void emit(Event e) {
        int n = size;
        if (n == Integer.MAX_VALUE) {
            throw new IllegalStateException("timeline full");
        }
        int c = n >>> SHIFT;
        Event[][] s = spine;
        if (c == s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            spine = s;
        }
        if (s[c] == null) {
            s[c] = new Event[SIZE];
        }
        s[c][n & MASK] = e;
        byKind[e.kind().ordinal()].add(n);
        size = n + 1;
    }

    /** Events recorded so far. */
    public long size() {
        return size;
    }

    /** Event {@code i}, for {@code 0 <= i < size()}. */
    public Event get(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + size);
        }
        return spine[(int) (i >>> SHIFT)][(int) (i & MASK)];
    }

    /** The first event at or after {@code from} whose kind is in {@code kinds}, or -1. */
    public long indexOfNext(long from, Set<EventKind> kinds) {
        long limit = size;
        long best = -1;
        for (EventKind k : kinds) {
            long i = byKind[k.ordinal()].next(Math.max(0, from), limit);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The last event at or before {@code from} whose kind is in {@code kinds}, or -1. */
    public long indexOfPrevious(long from, Set<EventKind> kinds) {
        if (from < 0) {
            return -1;
        }
        long limit = size;
        long best = -1;
        for (EventKind k : kinds) {
            best = Math.max(best, byKind[k.ordinal()].previous(from, limit));
        }
        return best;
    }

    /** How many events of {@code kind} have been recorded. */
    public long count(EventKind kind) {
        return byKind[kind.ordinal()].count(size);
    }
}
