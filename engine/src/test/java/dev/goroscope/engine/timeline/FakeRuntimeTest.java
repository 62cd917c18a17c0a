package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The property tests are only as good as the runs they fold: check the toy runtime covers the ground. */
class FakeRuntimeTest {

    @Test
    void runsCoverTheEventsThatMatter() {
        Set<Class<?>> seen = new HashSet<>();
        int freedSweeps = 0;
        int adjustedCopies = 0;
        int heapSlotWrites = 0;
        for (long seed = 1; seed <= 20; seed++) {
            List<Event> events = new FakeRuntime(seed).run(700);
            for (Event e : events) {
                seen.add(e.getClass());
                if (e instanceof GcEvent.SpanSwept && !((GcEvent.SpanSwept) e).freed().isEmpty()) {
                    freedSweeps++;
                }
                if (e instanceof StackEvent.Copy && ((StackEvent.Copy) e).pointersAdjusted() > 0) {
                    adjustedCopies++;
                }
                if (e instanceof StackEvent.SlotWritten && ((StackEvent.SlotWritten) e).newValue() >= 0xc000000000L
                        && ((StackEvent.SlotWritten) e).newValue() != 0) {
                    heapSlotWrites++;
                }
            }
        }
        assertThat(seen).contains(SchedEvent.GoroutineCreated.class, SchedEvent.GoroutineStatusChanged.class,
                StackEvent.FramePushed.class, StackEvent.FramePopped.class, StackEvent.SlotWritten.class,
                StackEvent.StackGrew.class, StackEvent.StackShrunk.class, StackEvent.StackFreed.class,
                HeapEvent.SpanAllocated.class, HeapEvent.SpanFreed.class, HeapEvent.ArenaGrew.class,
                HeapEvent.Scavenged.class, HeapEvent.ObjectAllocated.class, HeapEvent.PointerWritten.class,
                HeapEvent.GlobalDeclared.class, GcEvent.GcCycleStarted.class, GcEvent.GcPhaseChanged.class,
                GcEvent.ObjectGreyed.class, GcEvent.BarrierShaded.class, GcEvent.ObjectBlackened.class,
                GcEvent.StackScanned.class, GcEvent.SpanSwept.class, GcEvent.GcCycleEnded.class,
                GcEvent.StartingStackSizeChanged.class, ProgramEvent.Output.class, ProgramEvent.Narration.class);
        assertThat(freedSweeps).isGreaterThan(10);
        assertThat(adjustedCopies).isGreaterThan(5);
        assertThat(heapSlotWrites).isGreaterThan(10);
    }
}
