package dev.goroscope.engine.timeline;

import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.WaitReason;
import java.util.List;

/**
 * A goroutine as a view draws it. A dead goroutine shows no frames; one whose stack was freed
 * shows {@code lo = hi = sp = 0}.
 *
 * @param used             {@code hi - sp}
 * @param highWater        the most bytes used since the stack was last copied
 * @param scannedThisCycle the GC's root job scanned this stack in the current (or last) cycle
 * @param depth            number of frames
 * @param frames           the frames as runs, oldest (bottom) first
 * @param line             the source line it is executing, 0 if not known (line events are optional)
 */
public record GoroutineView(long gid, GStatus status, WaitReason waitReason, String entry, long lo, long hi,
                            long sp, long used, long highWater, boolean scannedThisCycle, int depth,
                            List<FrameRun> frames, int line) {
    public GoroutineView {
        frames = List.copyOf(frames);
    }

    public long stackSize() {
        return hi - lo;
    }

    /**
     * One of the runtime's own goroutines (forcegc, bgsweep, bgscavenge, runfinq, the mark
     * workers), which {@code runtime.NumGoroutine} and tracebacks leave out: Go's
     * {@code isSystemGoroutine} tells them by their entry function, any in package runtime except
     * {@code runtime.main}.
     */
    public boolean system() {
        return system(entry);
    }

    /** {@link #system()} for a goroutine that starts at {@code entry} (as {@code GoroutineCreated} names it). */
    public static boolean system(String entry) {
        return entry.startsWith("runtime.") && !entry.equals("runtime.main");
    }
}
