package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.StackEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shrinking at GC stack scan and the adaptive starting size: §2.5, §2.7, §2.10. */
class StackShrinkTest {
    private final List<Event> events = new ArrayList<>();

    private GoRuntime runtime(Settings s) {
        return new GoRuntime(s.withPacedGc(false), events::add);
    }

    /** Recurses with 200-byte frames to a 2 MiB stack, returns, parks on a channel. */
    private Goroutine deepThenPark(GoRuntime rt) {
        Goroutine g = rt.go(rt.main(), FuncInfo.of("main.worker", 24));
        int depth = 0;
        while (g.stackSize() < 2 * 1024 * 1024) {
            rt.call(g, FuncInfo.of("main.f", 200));
            depth++;
        }
        for (int i = 0; i < depth; i++) {
            rt.ret(g);
        }
        rt.block(g, WaitReason.CHAN_RECEIVE);
        return g;
    }

    @Test
    void parkedStackHalvesOncePerGcDownTo4KiB() {
        // §2.10: after GC #1..#8: 1M, 512K, ..., 8K; from GC #9 on: 4096.
        GoRuntime rt = runtime(Settings.defaults());
        Goroutine g = deepThenPark(rt);
        assertThat(g.stackSize()).isEqualTo(2097152);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rt.runtimeGC();
            sizes.add(g.stackSize());
        }
        assertThat(sizes).containsExactly(1048576L, 524288L, 262144L, 131072L, 65536L, 32768L, 16384L, 8192L,
                4096L, 4096L, 4096L);
        assertThat(g.used() + 800).isGreaterThanOrEqualTo(4096 / 4);
        assertThat(events).filteredOn(e -> e instanceof StackEvent.StackShrunk s && s.gid() == g.id()).hasSize(9);
    }

    @Test
    void gcshrinkstackoffKeepsTheStack() {
        // §2.10: with GODEBUG=gcshrinkstackoff=1 the stack stays 2097152 after every GC.
        GoRuntime rt = runtime(Settings.defaults().withGodebug("gcshrinkstackoff=1"));
        Goroutine g = deepThenPark(rt);
        for (int i = 0; i < 5; i++) {
            rt.runtimeGC();
            assertThat(g.stackSize()).isEqualTo(2097152);
        }
        assertThat(events).filteredOn(e -> e instanceof StackEvent.StackShrunk).isEmpty();
    }

    @Test
    void fourKiBStackShrinksOnlyBelow224BytesUsed() {
        // §2.5: a 4 KiB stack shrinks to 2 KiB only if hi - sp < 224 (4096/4 - 800).
        for (long frame : new long[] {128, 168, 176}) {
            GoRuntime rt = runtime(Settings.defaults());
            Goroutine g = rt.go(rt.main(), FuncInfo.of("main.w", frame));
            rt.call(g, FuncInfo.of("main.big", 1500)); // grows to 4 KiB
            rt.ret(g);
            assertThat(g.stackSize()).isEqualTo(4096);
            long used = g.used(); // 32 initial frame + 8 return address + frame
            rt.runtimeGC();
            assertThat(g.stackSize()).as("used=%d", used).isEqualTo(used < 224 ? 2048 : 4096);
        }
    }

    @Test
    void unsafeShrinkIsDeferredToTheNextSafePoint() {
        // §2.5: in a syscall the shrink is deferred (preemptShrink) and happens at the next call.
        GoRuntime rt = runtime(Settings.defaults());
        Goroutine g = rt.go(rt.main(), FuncInfo.of("main.w", 24));
        rt.call(g, FuncInfo.of("main.big", 20_000));
        rt.ret(g);
        long size = g.stackSize();
        rt.syscall(g, true);
        rt.runtimeGC();
        assertThat(g.stackSize()).isEqualTo(size);
        assertThat(g.preemptShrink()).isTrue();
        rt.syscall(g, false);
        rt.call(g, FuncInfo.of("main.leaf", 8));
        assertThat(g.stackSize()).isEqualTo(size / 2);
        assertThat(events).filteredOn(e -> e instanceof StackEvent.StackShrunk s && s.deferred()).hasSize(1);
    }

    @Test
    void stacksAreScannedOncePerCycleConcurrently() {
        // §4.3: each stack is scanned once per cycle, during concurrent mark (not STW).
        GoRuntime rt = runtime(Settings.defaults().withBackgroundMark(false));
        for (int i = 0; i < 5; i++) {
            rt.block(rt.go(rt.main(), FuncInfo.of("main.w", 64)), WaitReason.CHAN_RECEIVE);
        }
        events.clear();
        rt.runtimeGC();
        List<GcEvent.StackScanned> scans = events.stream().filter(e -> e instanceof GcEvent.StackScanned)
                .map(e -> (GcEvent.StackScanned) e).toList();
        assertThat(scans).extracting(GcEvent.StackScanned::gid).doesNotHaveDuplicates();
        assertThat(scans).hasSize(rt.goroutines().size());
        // Every scan happened between entering _GCmark and mark termination.
        int markAt = indexOfPhase(GcPhase.MARK);
        int termAt = indexOfPhase(GcPhase.MARK_TERMINATION);
        for (GcEvent.StackScanned s : scans) {
            assertThat(events.indexOf(s)).isBetween(markAt, termAt);
        }
    }

    private int indexOfPhase(GcPhase p) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof GcEvent.GcPhaseChanged c && c.to() == p) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void adaptiveStartingSizeFollowsAverageUse() {
        // §2.7: 200 blocked goroutines using about 45 KiB: starting size becomes 65536, and only
        // reused Gs get it; brand-new Gs still get 2048.
        GoRuntime rt = runtime(Settings.defaults());
        List<Goroutine> deep = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Goroutine g = rt.go(rt.main(), FuncInfo.of("main.deep", 45 * 1024));
            rt.block(g, WaitReason.CHAN_RECEIVE);
            deep.add(g);
        }
        rt.runtimeGC();
        assertThat(rt.startingStackSize()).isEqualTo(65536);
        for (Goroutine g : deep) {
            rt.unblock(g);
            rt.ret(g); // leave main.deep
            rt.exit(g);
        }
        int big = 0;
        int small = 0;
        for (int i = 0; i < 400; i++) {
            Goroutine g = rt.go(rt.main(), FuncInfo.of("main.small", 64));
            rt.block(g, WaitReason.CHAN_RECEIVE);
            if (g.stackSize() == 65536) {
                big++;
            } else if (g.stackSize() == 2048) {
                small++;
            }
        }
        assertThat(big + small).isEqualTo(400);
        assertThat(big).isPositive();
        assertThat(small).isPositive();
    }

    @Test
    void adaptiveStackStartOffKeeps2KiB() {
        GoRuntime rt = runtime(Settings.defaults().withGodebug("adaptivestackstart=0"));
        for (int i = 0; i < 50; i++) {
            rt.block(rt.go(rt.main(), FuncInfo.of("main.deep", 45 * 1024)), WaitReason.CHAN_RECEIVE);
        }
        rt.runtimeGC();
        assertThat(rt.startingStackSize()).isEqualTo(2048);
    }
}
