package dev.goroscope.engine.timeline;

import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.Sys;
import dev.goroscope.engine.runtime.WaitReason;
import java.util.Arrays;

/**
 * One goroutine as the replica folds it: status, stack bounds, and the frames as runs.
 *
 * <p>Why runs: a recursion 480,000 calls deep pushes the same function with the same frame size
 * again and again, each frame {@code frameSize + 8} bytes (the return address) below the last.
 * Such frames are one run {@code (function, frameSize, ptrSlots, count, spFirst)}, so the deep
 * stack is a handful of array entries. Pointer-slot values live in one flat {@code long[]} in
 * frame order, {@code ptrSlots} per frame, so a run of slot-free frames stores nothing.
 *
 * <p>Copy-on-write: the replica stamps a goroutine with its generation; a goroutine with another
 * stamp is shared with a checkpoint and is cloned ({@link #copy}) before it is changed.
 */
final class GState {
    int owner;
    final long gid;
    final String entry;
    GStatus status = GStatus.RUNNABLE;
    /** A dead goroutine whose G struct a later {@code go} statement recycled: no longer listed. */
    boolean recycled;
    WaitReason wait = WaitReason.NONE;
    /** The stack {@code [lo, hi)}; both 0 once the stack is freed. */
    long lo;
    long hi;
    /** The stack pointer with no frames pushed (after {@code newproc}'s initial frame). */
    long sp0;
    /** Bytes used at the deepest point since the stack was last copied. */
    long highWater;
    /** The GC cycle whose root job last scanned this stack. */
    int scannedCycle;
    /** The source line it is executing (0: not known; line events are optional). */
    int line;

    int nruns;
    String[] fn = new String[4];
    long[] fsize = new long[4];
    int[] ptrs = new int[4];
    int[] count = new int[4];
    int[] startDepth = new int[4];
    /** Index in {@link #slots} of the first slot of each run. */
    int[] slotBase = new int[4];
    long[] spFirst = new long[4];
    int depth;
    long[] slots = new long[0];
    int nslots;

    GState(int owner, long gid, String entry) {
        this.owner = owner;
        this.gid = gid;
        this.entry = entry;
    }

    GState copy(int newOwner) {
        GState g = new GState(newOwner, gid, entry);
        g.status = status;
        g.recycled = recycled;
        g.wait = wait;
        g.lo = lo;
        g.hi = hi;
        g.sp0 = sp0;
        g.highWater = highWater;
        g.scannedCycle = scannedCycle;
        g.line = line;
        g.nruns = nruns;
        int n = Math.max(4, nruns);
        g.fn = Arrays.copyOf(fn, n);
        g.fsize = Arrays.copyOf(fsize, n);
        g.ptrs = Arrays.copyOf(ptrs, n);
        g.count = Arrays.copyOf(count, n);
        g.startDepth = Arrays.copyOf(startDepth, n);
        g.slotBase = Arrays.copyOf(slotBase, n);
        g.spFirst = Arrays.copyOf(spFirst, n);
        g.depth = depth;
        g.slots = Arrays.copyOf(slots, nslots);
        g.nslots = nslots;
        return g;
    }

    private static long stride(long frameSize) {
        return frameSize + Sys.PTR_SIZE;
    }

    /** sp of the newest frame of run {@code r}. */
    long spTop(int r) {
        return spFirst[r] - (count[r] - 1) * stride(fsize[r]);
    }

    long sp() {
        return nruns == 0 ? sp0 : spTop(nruns - 1);
    }

    long used() {
        return hi == 0 ? 0 : hi - sp();
    }

    /** The run holding frame {@code d} (0 is the bottom frame). */
    int runOf(int d) {
        if (d < 0 || d >= depth) {
            throw new IllegalStateException("goroutine " + gid + " has no frame at depth " + d);
        }
        int lo = 0;
        int hi = nruns - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startDepth[mid] <= d) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Index in {@link #slots} of slot {@code i} of frame {@code d}. */
    int slotIndex(int d, int i) {
        int r = runOf(d);
        if (i < 0 || i >= ptrs[r]) {
            throw new IllegalStateException("frame " + d + " of goroutine " + gid + " has no pointer slot " + i);
        }
        return slotBase[r] + (d - startDepth[r]) * ptrs[r] + i;
    }

    /**
     * Pushes a frame whose sp is {@code sp}, joining the top run when it is the same function
     * called from itself. {@code values} are its slot values (null: all nil).
     */
    void push(String function, long frameSize, int nptrs, long sp, long[] values) {
        int t = nruns - 1;
        boolean join = t >= 0 && fsize[t] == frameSize && ptrs[t] == nptrs && fn[t].equals(function)
                && sp == spTop(t) - stride(frameSize);
        if (join) {
            count[t]++;
        } else {
            if (nruns == fn.length) {
                int n = nruns * 2;
                fn = Arrays.copyOf(fn, n);
                fsize = Arrays.copyOf(fsize, n);
                ptrs = Arrays.copyOf(ptrs, n);
                count = Arrays.copyOf(count, n);
                startDepth = Arrays.copyOf(startDepth, n);
                slotBase = Arrays.copyOf(slotBase, n);
                spFirst = Arrays.copyOf(spFirst, n);
            }
            fn[nruns] = function;
            fsize[nruns] = frameSize;
            ptrs[nruns] = nptrs;
            count[nruns] = 1;
            startDepth[nruns] = depth;
            slotBase[nruns] = nslots;
            spFirst[nruns] = sp;
            nruns++;
        }
        depth++;
        if (nptrs > 0) {
            if (nslots + nptrs > slots.length) {
                slots = Arrays.copyOf(slots, Math.max(nslots + nptrs, slots.length * 2));
            }
            if (values != null) {
                System.arraycopy(values, 0, slots, nslots, nptrs);
            } else {
                Arrays.fill(slots, nslots, nslots + nptrs, 0L);
            }
            nslots += nptrs;
        }
    }

    /** Pops the top frame, which must be {@code function}; returns its slot values. */
    long[] pop(String function, long frameSize) {
        int t = nruns - 1;
        if (t < 0 || fsize[t] != frameSize || !fn[t].equals(function)) {
            throw new IllegalStateException("goroutine " + gid + ": pop of " + function + " but the top frame is "
                    + (t < 0 ? "none" : fn[t]));
        }
        int n = ptrs[t];
        long[] v = Arrays.copyOfRange(slots, nslots - n, nslots);
        nslots -= n;
        depth--;
        if (--count[t] == 0) {
            fn[t] = null;
            nruns--;
        }
        return v;
    }

    /**
     * {@code copystack}'s pointer adjustment: every frame moves by {@code delta}, and every slot
     * value in {@code [from, to)} (a pointer into the old block) is re-aimed by {@code delta}.
     */
    void shift(long from, long to, long delta) {
        sp0 += delta;
        for (int r = 0; r < nruns; r++) {
            spFirst[r] += delta;
        }
        for (int i = 0; i < nslots; i++) {
            long v = slots[i];
            if (v >= from && v < to) {
                slots[i] = v + delta;
            }
        }
    }
}
