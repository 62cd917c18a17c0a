package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.runtime.Sys;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime state a view shows, rebuilt from events: the fold of a timeline prefix.
 *
 * <p>{@link #apply} and {@link #undo} exist for every event record, and {@code undo(e)} right
 * after {@code apply(e)} restores the state exactly. Most events carry the old value of what they
 * change; what they do not carry (a stack's previous high-water mark, an object's place in the
 * grey queue, the gctrace line before a cycle ended) goes on an {@link UndoLog} shared with the
 * replica's copies. An event that does not fit the state (a pop of a frame that is not on top, a
 * store whose old value is not the one held) throws {@link IllegalStateException} and leaves the
 * state as it was.
 *
 * <p>{@link #copy} is cheap whatever the size: large tables are copy-on-write
 * ({@link Cow}), output and the undo log are shared. A replica and its copies belong to one
 * thread. Internal: views get immutable {@link Snapshot}s.
 */
final class Replica {
    final Cow.Meter meter;
    final UndoLog.Cursor log;
    final Goroutines goroutines;
    final Heap heap;
    final Spans spans;
    final SharedText.Cursor stdout;
    final SharedText.Cursor stderr;

    int cycle;
    GcPhase phase = GcPhase.OFF;
    int numGc;
    long nextGc = Sys.DEFAULT_HEAP_MINIMUM;
    String gctrace = "";
    long startingStackSize = Sys.FIXED_STACK;
    String lesson = "";
    List<String> fatal = List.of();
    /** Exit status once the program ended or died, else -1. */
    int exitStatus = -1;

    Replica() {
        meter = new Cow.Meter();
        log = new UndoLog.Cursor();
        goroutines = new Goroutines(meter);
        heap = new Heap(meter);
        spans = new Spans(meter);
        stdout = new SharedText.Cursor();
        stderr = new SharedText.Cursor();
    }

    private Replica(Replica o) {
        meter = new Cow.Meter();
        log = o.log.copy();
        goroutines = o.goroutines.copy(meter);
        heap = o.heap.copy(meter);
        spans = o.spans.copy(meter);
        stdout = o.stdout.copy();
        stderr = o.stderr.copy();
        cycle = o.cycle;
        phase = o.phase;
        numGc = o.numGc;
        nextGc = o.nextGc;
        gctrace = o.gctrace;
        startingStackSize = o.startingStackSize;
        lesson = o.lesson;
        fatal = o.fatal;
        exitStatus = o.exitStatus;
    }

    /** An independent replica equal to this one; neither sees the other's later changes. */
    Replica copy() {
        return new Replica(this);
    }

    void apply(Event e) {
        if (e instanceof StackEvent) {
            // A StackOverflow is followed by the Fatal event that carries the same lines.
            goroutines.apply((StackEvent) e, log);
        } else if (e instanceof HeapEvent) {
            if (isSpanEvent(e)) {
                spans.apply((HeapEvent) e, log);
            } else {
                heap.apply((HeapEvent) e);
            }
        } else if (e instanceof GcEvent) {
            applyGc((GcEvent) e);
        } else if (e instanceof SchedEvent) {
            goroutines.apply((SchedEvent) e);
        } else {
            applyProgram((ProgramEvent) e);
        }
    }

    void undo(Event e) {
        if (e instanceof StackEvent) {
            goroutines.undo((StackEvent) e, log);
        } else if (e instanceof HeapEvent) {
            if (isSpanEvent(e)) {
                spans.undo((HeapEvent) e, log);
            } else {
                heap.undo((HeapEvent) e);
            }
        } else if (e instanceof GcEvent) {
            undoGc((GcEvent) e);
        } else if (e instanceof SchedEvent) {
            goroutines.undo((SchedEvent) e);
        } else {
            undoProgram((ProgramEvent) e);
        }
    }

    private static boolean isSpanEvent(Event e) {
        return e instanceof HeapEvent.SpanAllocated || e instanceof HeapEvent.SpanFreed
                || e instanceof HeapEvent.ArenaGrew || e instanceof HeapEvent.Scavenged;
    }

    private void applyGc(GcEvent e) {
        if (e instanceof GcEvent.GcCycleStarted) {
            log.pushLong(cycle);
            cycle = ((GcEvent.GcCycleStarted) e).cycle();
        } else if (e instanceof GcEvent.GcPhaseChanged) {
            GcEvent.GcPhaseChanged p = (GcEvent.GcPhaseChanged) e;
            checkPhase(p.from());
            phase = p.to();
        } else if (e instanceof GcEvent.StackScanned) {
            goroutines.scanned(((GcEvent.StackScanned) e).gid(), cycle, log);
        } else if (e instanceof GcEvent.GcCycleEnded) {
            GcEvent.GcCycleEnded c = (GcEvent.GcCycleEnded) e;
            log.pushLong(nextGc);
            log.pushObject(gctrace);
            numGc++;
            nextGc = c.nextGoal();
            gctrace = c.gctrace();
        } else if (e instanceof GcEvent.StartingStackSizeChanged) {
            GcEvent.StartingStackSizeChanged s = (GcEvent.StartingStackSizeChanged) e;
            if (startingStackSize != s.oldSize()) {
                throw new IllegalStateException("starting stack size is " + startingStackSize + ", not " + s.oldSize());
            }
            startingStackSize = s.newSize();
        } else {
            // Greying, blackening and sweeping; GlobalsScanned and MarkAssist change nothing shown.
            heap.apply(e, log);
        }
    }

    private void undoGc(GcEvent e) {
        if (e instanceof GcEvent.GcCycleStarted) {
            cycle = (int) log.popLong();
        } else if (e instanceof GcEvent.GcPhaseChanged) {
            GcEvent.GcPhaseChanged p = (GcEvent.GcPhaseChanged) e;
            checkPhase(p.to());
            phase = p.from();
        } else if (e instanceof GcEvent.StackScanned) {
            goroutines.unscanned(((GcEvent.StackScanned) e).gid(), log);
        } else if (e instanceof GcEvent.GcCycleEnded) {
            gctrace = (String) log.popObject();
            nextGc = log.popLong();
            numGc--;
        } else if (e instanceof GcEvent.StartingStackSizeChanged) {
            startingStackSize = ((GcEvent.StartingStackSizeChanged) e).oldSize();
        } else {
            heap.undo(e, log);
        }
    }

    private void checkPhase(GcPhase expect) {
        if (phase != expect) {
            throw new IllegalStateException("GC phase is " + phase + ", not " + expect);
        }
    }

    private void applyProgram(ProgramEvent e) {
        if (e instanceof ProgramEvent.Line l) {
            goroutines.line(l.gid(), l.line());
        } else if (e instanceof ProgramEvent.Output) {
            ProgramEvent.Output o = (ProgramEvent.Output) e;
            (o.stderr() ? stderr : stdout).append(o.text());
        } else if (e instanceof ProgramEvent.Narration) {
            log.pushObject(lesson);
            lesson = ((ProgramEvent.Narration) e).text();
        } else if (e instanceof ProgramEvent.Fatal) {
            ProgramEvent.Fatal f = (ProgramEvent.Fatal) e;
            fatal = concat(fatal, f.stderr());
            log.pushLong(exitStatus);
            exitStatus = f.exitStatus();
        } else if (e instanceof ProgramEvent.Exited) {
            log.pushLong(exitStatus);
            exitStatus = ((ProgramEvent.Exited) e).exitStatus();
        }
        // Paused and SettingChanged change nothing a replica shows.
    }

    private void undoProgram(ProgramEvent e) {
        if (e instanceof ProgramEvent.Line l) {
            goroutines.line(l.gid(), l.old());
        } else if (e instanceof ProgramEvent.Output) {
            ProgramEvent.Output o = (ProgramEvent.Output) e;
            (o.stderr() ? stderr : stdout).unappend(o.text());
        } else if (e instanceof ProgramEvent.Narration) {
            lesson = (String) log.popObject();
        } else if (e instanceof ProgramEvent.Fatal) {
            exitStatus = (int) log.popLong();
            fatal = drop(fatal, ((ProgramEvent.Fatal) e).stderr().size());
        } else if (e instanceof ProgramEvent.Exited) {
            exitStatus = (int) log.popLong();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return List.copyOf(l);
    }

    private static List<String> drop(List<String> a, int n) {
        return List.copyOf(a.subList(0, a.size() - n));
    }
}
