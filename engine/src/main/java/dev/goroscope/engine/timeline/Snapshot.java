package dev.goroscope.engine.timeline;

import dev.goroscope.engine.runtime.GcPhase;
import java.util.List;

/**
 * Everything a view shows at one position of a timeline, immutable: the UI thread may keep it
 * while the engine runs on.
 *
 * @param position          events applied
 * @param goroutines        in creation order
 * @param objects           live heap objects by address
 * @param globals           in declaration order
 * @param greyQueue         addresses of the grey objects in the order they turned grey
 * @param cycle             the number of the last GC cycle started (0 before any)
 * @param gctrace           the {@code gctrace=1} line of the last cycle ended, or ""
 * @param narration         what the last event did, in words ("" at position 0)
 * @param lesson            the last lesson text ({@code viz.Say}), or ""
 * @param fatal             the runtime's fatal-error lines, if it died
 * @param exitStatus        the exit status once the program ended or died, else -1
 */
public record Snapshot(long position, List<GoroutineView> goroutines, List<ObjectView> objects,
                       List<GlobalView> globals, List<Long> greyQueue, GcPhase phase, int cycle, int numGc,
                       long nextGc, String gctrace, long startingStackSize, MemFigures mem, String stdout,
                       String stderr, String narration, String lesson, List<String> fatal, int exitStatus) {
    public Snapshot {
        goroutines = List.copyOf(goroutines);
        objects = List.copyOf(objects);
        globals = List.copyOf(globals);
        greyQueue = List.copyOf(greyQueue);
        fatal = List.copyOf(fatal);
    }

    /** This snapshot with other narration (a checkpoint has none of its own). */
    public Snapshot withNarration(String text) {
        return new Snapshot(position, goroutines, objects, globals, greyQueue, phase, cycle, numGc, nextGc, gctrace,
                startingStackSize, mem, stdout, stderr, text, lesson, fatal, exitStatus);
    }

    public boolean exited() {
        return exitStatus >= 0;
    }
}
