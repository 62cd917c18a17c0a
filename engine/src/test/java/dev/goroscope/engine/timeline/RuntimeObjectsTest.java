package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.runtime.Settings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whose heap object it is: the runtime's and the standard library's own allocations (G structs,
 * mark-worker nodes, fmt's printer and its pool, timers) carry the runtime flag from
 * {@code mallocgc} through the events to the snapshot's {@link ObjectView}, in both directions of
 * replay; the program's objects do not.
 */
class RuntimeObjectsTest {
    static final String PROGRAM = """
            package main

            import (
            	"fmt"
            	"runtime"
            	"time"
            )

            type node struct{ next *node }

            var keep *node

            func noop(int) {}

            func main() {
            	for i := 0; i < 2; i++ {
            		defer noop(i) // in a loop: a heap runtime._defer record
            	}
            	keep = &node{}
            	done := make(chan bool)
            	go func() {
            		time.Sleep(time.Millisecond)
            		done <- true
            	}()
            	<-done
            	fmt.Println("hello")
            	runtime.GC()
            	keep.next = &node{}
            	runtime.GC()
            	runtime.GC()
            }
            """;

    /** What the runtime and the libraries allocate for themselves in this program. */
    static final Set<String> RUNTIME_TYPES = Set.of("runtime.g", "runtime.gcBgMarkWorkerNode", "fmt.pp",
            "[]sync.poolLocal", "[]*sync.Pool", "runtime.timer", "[]*runtime.timer", "runtime._defer");

    static Timeline run() throws Exception {
        GoProgram p = GoProgram.compile("prog.go", PROGRAM, Settings.defaults().profile());
        Timeline t = new Timeline();
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        p.run(Settings.defaults(), t, none, none, 100_000_000L);
        return t;
    }

    @Test
    void allocationsSayWhoseTheyAre() throws Exception {
        Timeline t = run();
        Set<String> runtime = new HashSet<>();
        Set<String> own = new HashSet<>();
        boolean freedRuntime = false;
        for (long i = 0; i < t.size(); i++) {
            if (t.get(i) instanceof HeapEvent.ObjectAllocated a) {
                assertThat(a.runtime()).as(a.typeName()).isEqualTo(RUNTIME_TYPES.contains(a.typeName()));
                (a.runtime() ? runtime : own).add(a.typeName());
            } else if (t.get(i) instanceof GcEvent.SpanSwept s) {
                for (GcEvent.FreedObject f : s.freed()) {
                    assertThat(f.runtime()).as("freed " + f.typeName()).isEqualTo(RUNTIME_TYPES.contains(f.typeName()));
                    freedRuntime |= f.runtime();
                }
            }
        }
        // G structs (goid 0), a mark worker's node (a runtime goroutine), fmt's printer and pool
        // arrays, the sleeper's timer and the loop's defer records (asked for by the program's goroutine)
        assertThat(runtime).containsExactlyInAnyOrderElementsOf(RUNTIME_TYPES);
        assertThat(own).contains("main.node", "chan bool");
        assertThat(freedRuntime).as("poolCleanup's dropped arrays are swept").isTrue();
    }

    @Test
    void snapshotsKeepTheFlagForwardsAndBackwards() throws Exception {
        Timeline t = run();
        Player forward = new Player(t);
        Player back = new Player(t);
        back.seek(t.size());
        int checked = 0;
        long every = Math.max(1, t.size() / 60);
        // step back one event at a time (each sweep undone brings its freed objects back)
        while (back.position() > 0) {
            long pos = back.position();
            if (pos % every == 0 || t.get(pos - 1) instanceof GcEvent.SpanSwept) {
                forward.seek(pos);
                Snapshot a = forward.snapshot();
                Snapshot b = back.snapshot();
                assertThat(b.objects()).isEqualTo(a.objects());
                for (ObjectView o : b.objects()) {
                    assertThat(o.runtime()).as(o.typeName()).isEqualTo(RUNTIME_TYPES.contains(o.typeName()));
                    checked++;
                }
            }
            back.stepBack();
        }
        assertThat(checked).isGreaterThan(100);
    }
}
