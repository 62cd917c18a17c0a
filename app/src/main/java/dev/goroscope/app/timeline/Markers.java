package dev.goroscope.app.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the scrubber marks, computed per pixel column so that a ten-million-event run costs a few
 * thousand binary searches, not a scan: for each column, whether an event of each marked kind
 * falls in its slice of the timeline; and the GC cycles as bands from their start to the end of
 * mark termination.
 */
public final class Markers {

    /** The kinds marked on the scrubber, in drawing order (later on top). */
    public static final List<EventKind> KINDS = List.of(EventKind.OUTPUT, EventKind.STACK_SHRINK,
            EventKind.STACK_GROW, EventKind.STACK_OVERFLOW, EventKind.FATAL);

    /** A GC cycle's span of the timeline: from its start to the world restarting after mark termination. */
    public record Band(long from, long to, int cycle) {}

    private Markers() {}

    /** {@code hits[k][x]}: an event of {@code KINDS.get(k)} lies in column {@code x} of {@code columns}. */
    public static boolean[][] columns(Timeline t, long size, int columns) {
        boolean[][] hits = new boolean[KINDS.size()][Math.max(columns, 0)];
        if (size == 0 || columns <= 0) {
            return hits;
        }
        for (int k = 0; k < KINDS.size(); k++) {
            Set<EventKind> kind = EnumSet.of(KINDS.get(k));
            long i = t.indexOfNext(0, kind);
            while (i >= 0 && i < size) {
                int x = (int) Math.min(columns - 1, i * columns / size);
                hits[k][x] = true;
                long nextColumnStart = ((long) (x + 1) * size + columns - 1) / columns;
                i = t.indexOfNext(Math.max(i + 1, nextColumnStart), kind);
            }
        }
        return hits;
    }

    /** The GC cycles within the first {@code size} events. */
    public static List<Band> gcBands(Timeline t, long size) {
        List<Band> out = new ArrayList<>();
        Set<EventKind> phases = EnumSet.of(EventKind.GC_PHASE);
        long i = t.indexOfNext(0, phases);
        long start = -1;
        int cycle = 0;
        while (i >= 0 && i < size) {
            Event e = t.get(i);
            if (e instanceof GcEvent.GcPhaseChanged c) {
                if (c.from() == GcPhase.OFF && start < 0) {
                    start = i;
                    cycle = c.cycle();
                } else if (c.to() == GcPhase.OFF && start >= 0) {
                    out.add(new Band(start, i, cycle));
                    start = -1;
                }
            }
            i = t.indexOfNext(i + 1, phases);
        }
        if (start >= 0) {
            out.add(new Band(start, size, cycle));
        }
        return out;
    }
}
