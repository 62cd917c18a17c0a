package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import java.util.Arrays;
import java.util.Set;

/**
 * The cursor a view drives over a {@link Timeline}: position {@code p} is the number of events
 * applied, from 0 to {@code timeline.size()}, and the state shown is the fold of events
 * {@code [0, p)}.
 *
 * <p>How any position is reached quickly: checkpoints (copies of the replica) are taken every
 * {@code spacing} events as positions are first reached. A seek restores the nearest checkpoint
 * at or before the target and applies the rest, or applies or undoes from the current position
 * when that is less work; so a seek costs at most about {@code spacing} event applications, and
 * a step back is one undo. Copies are cheap because the replica is copy-on-write; what a
 * checkpoint really costs is the state that changes before the next one, which the replica meters.
 * When the checkpoints together pass their memory budget, every other one is dropped and the
 * spacing doubles: long runs of a big heap get fewer checkpoints, never unbounded memory.
 *
 * <p>A player belongs to one thread (the UI's); the timeline may grow meanwhile.
 */
public final class Player {
    /** Events whose application costs about as much as restoring a checkpoint. */
    private static final int RESTORE_COST = 1024;
    private static final int DEFAULT_SPACING = 16_384;

    private final Timeline timeline;
    private final long budget;
    private Replica cur = new Replica();
    private int pos;
    private int spacing;
    private int[] cpPos = new int[16];
    private Replica[] cps = new Replica[16];
    private long[] cpBytes = new long[16];
    private int ncp;

    /**
     * A player with a checkpoint budget of a quarter of the heap, at most 1 GiB: 3 GiB of checkpoints
     * (a 12 GiB heap) doubled the indexing of an 11-million-event run and gave G1 young pauses of up
     * to 1.3 s while scrubbing it (bench-app).
     */
    public Player(Timeline timeline) {
        this(timeline, Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30), DEFAULT_SPACING);
    }

    /**
     * @param budgetBytes   memory the checkpoints may take, as metered
     * @param spacing       events between checkpoints to start with
     */
    Player(Timeline timeline, long budgetBytes, int spacing) {
        if (spacing < 1) {
            throw new IllegalArgumentException("spacing " + spacing);
        }
        this.timeline = timeline;
        this.budget = budgetBytes;
        this.spacing = spacing;
        cpPos[0] = 0;
        cps[0] = cur.copy();
        ncp = 1;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Events applied. */
    public long position() {
        return pos;
    }

    /** Applies the next event; false at the end of the timeline. */
    public boolean stepForward() {
        if (pos >= timeline.size()) {
            return false;
        }
        forward(pos + 1);
        return true;
    }

    /** Undoes the last event applied; false at position 0. */
    public boolean stepBack() {
        if (pos == 0) {
            return false;
        }
        backward(pos - 1);
        return true;
    }

    /** Moves to position {@code p}, clamped to {@code [0, timeline.size()]}. */
    public void seek(long p) {
        int t = (int) Math.max(0, Math.min(p, timeline.size()));
        if (t == pos) {
            return;
        }
        int c = floorCheckpoint(t);
        long viaCheckpoint = (long) t - cpPos[c] + RESTORE_COST;
        long viaHere = Math.abs((long) t - pos);
        if (viaHere > viaCheckpoint) {
            cur = cps[c].copy();
            pos = cpPos[c];
        }
        if (t > pos) {
            forward(t);
        } else {
            backward(t);
        }
    }

    /**
     * Runs until an event of one of {@code kinds} has been applied, and stops just after it.
     * Returns false (and stays) if there is none ahead.
     */
    public boolean runToNext(Set<EventKind> kinds) {
        long i = timeline.indexOfNext(pos, kinds);
        if (i < 0) {
            return false;
        }
        seek(i + 1);
        return true;
    }

    /**
     * Steps back to just after the previous event of one of {@code kinds}, before the last event
     * applied. Returns false (and stays) if there is none.
     */
    public boolean runToPrevious(Set<EventKind> kinds) {
        long i = timeline.indexOfPrevious(pos - 2L, kinds);
        if (i < 0) {
            return false;
        }
        seek(i + 1);
        return true;
    }

    /** The state at the current position, immutable. */
    public Snapshot snapshot() {
        return snapshot(true);
    }

    /**
     * The state at the current position; without {@code heapObjects} its object list is empty
     * (every figure, the grey queue and the goroutines are still there). A heap of hundreds of
     * thousands of objects makes the list the costly part, and a view not showing the heap does
     * not need it.
     */
    public Snapshot snapshot(boolean heapObjects) {
        return Snapshots.of(cur, pos, pos == 0 ? "" : timeline.get(pos - 1).narration(), heapObjects);
    }

    /** Checkpoints held now (for benchmarks and tests). */
    int checkpoints() {
        return ncp;
    }

    int spacing() {
        return spacing;
    }

    /** The checkpoint at {@code position}, if there is one (tests check it is never changed). */
    Snapshot checkpointSnapshot(long position) {
        int c = floorCheckpoint((int) position);
        return cpPos[c] == position ? Snapshots.of(cps[c].copy(), position, "") : null;
    }

    private int floorCheckpoint(int t) {
        int k = Arrays.binarySearch(cpPos, 0, ncp, t);
        return k >= 0 ? k : -k - 2;
    }

    private void forward(int t) {
        while (pos < t) {
            Event e = timeline.get(pos);
            try {
                cur.apply(e);
            } catch (RuntimeException x) {
                throw new IllegalStateException("event " + pos + " (" + e + ") does not fit: " + x.getMessage(), x);
            }
            pos++;
            if (pos - cpPos[ncp - 1] >= spacing) {
                checkpoint();
            }
        }
    }

    private void backward(int t) {
        while (pos > t) {
            Event e = timeline.get(pos - 1);
            try {
                cur.undo(e);
            } catch (RuntimeException x) {
                throw new IllegalStateException("undo of event " + (pos - 1) + " (" + e + ") failed: "
                        + x.getMessage(), x);
            }
            pos--;
        }
    }

    private void checkpoint() {
        if (ncp == cpPos.length) {
            cpPos = Arrays.copyOf(cpPos, ncp * 2);
            cps = Arrays.copyOf(cps, ncp * 2);
            cpBytes = Arrays.copyOf(cpBytes, ncp * 2);
        }
        // What the live replica cloned since the last checkpoint is what that checkpoint now
        // holds alone.
        cpBytes[ncp - 1] += cur.meter.bytes;
        cur.meter.bytes = 0;
        cpPos[ncp] = pos;
        cps[ncp] = cur.copy();
        cpBytes[ncp] = 0;
        ncp++;
        long total = 0;
        for (int i = 0; i < ncp; i++) {
            total += cpBytes[i];
        }
        if (total > budget && ncp > 2) {
            thin();
        }
    }

    /** Drops every other checkpoint (keeping the first and the last) and doubles the spacing. */
    private void thin() {
        int k = 0;
        for (int i = 0; i < ncp; i++) {
            if (i % 2 == 0 || i == ncp - 1) {
                cpPos[k] = cpPos[i];
                cps[k] = cps[i];
                cpBytes[k] = cpBytes[i];
                k++;
            }
        }
        Arrays.fill(cps, k, ncp, null);
        ncp = k;
        spacing *= 2;
    }
}
