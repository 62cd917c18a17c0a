package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.StackEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stack growth and the stack limit, against go-runtime-facts.md §2.2, §2.8 and §2.10. */
class StackGrowthTest {
    private final List<Event> events = new ArrayList<>();
    private final GoRuntime rt = new GoRuntime(Settings.defaults(), events::add);

    private List<Long> growthSizes() {
        return events.stream().filter(e -> e instanceof StackEvent.StackGrew)
                .map(e -> ((StackEvent.StackGrew) e).newSize()).toList();
    }

    @Test
    void mainGoroutineHas4KiBAtMainEntry() {
        // §2.10: "The main goroutine already has a 4096-byte stack at main() entry."
        assertThat(rt.main().stackSize()).isEqualTo(4096);
        assertThat(rt.main().stackguard0() - rt.main().lo()).isEqualTo(928);
    }

    @Test
    void growsByPureDoublingPastOneMebibyteAndNotOnReturn() {
        // §2.10 table and §8 claim 1: 2 KiB doubling to 2 MiB, no mode change at 1 MiB.
        Goroutine g = rt.go(rt.main(), FuncInfo.of("main.worker", 24));
        FuncInfo f = FuncInfo.of("main.f", 200);
        events.clear();
        int depth = 0;
        while (g.stackSize() < 2 * 1024 * 1024) {
            rt.call(g, f);
            depth++;
        }
        assertThat(growthSizes()).containsExactly(4096L, 8192L, 16384L, 32768L, 65536L, 131072L, 262144L,
                524288L, 1048576L, 2097152L);
        for (int i = 0; i < depth; i++) {
            rt.ret(g);
        }
        // §8 claim 2: returning never shrinks a stack.
        assertThat(g.stackSize()).isEqualTo(2097152);
    }

    @Test
    void bigFrameSkipsSizes() {
        // §2.2 step 5: a 100,000-byte local array in a fresh goroutine goes 2048 -> 131072.
        Goroutine g = rt.go(rt.main(), FuncInfo.of("main.big", 100_000));
        assertThat(g.stackSize()).isEqualTo(2048);
        events.clear();
        rt.call(g, FuncInfo.of("main.leaf", 8)); // switching in enters main.big first
        assertThat(growthSizes()).containsExactly(131072L);
        StackEvent.StackGrew grew = (StackEvent.StackGrew) events.stream()
                .filter(e -> e instanceof StackEvent.StackGrew).findFirst().orElseThrow();
        assertThat(grew.oldSize()).isEqualTo(2048);
        assertThat(grew.narration()).contains("grew 2 KiB -> 128 KiB").contains("doubled 6 times");
    }

    @Test
    void defaultLimitLastStackIs512MiBAndTheMessageIsExact() {
        // §1/§2.8: the check is strict newsize > 1e9, so 1 GiB fails and the last stack is 512 MiB.
        Goroutine g = rt.main();
        FuncInfo f = FuncInfo.of("main.f", 1104);
        assertThatThrownBy(() -> {
            while (true) {
                rt.call(g, f);
            }
        }).isInstanceOf(GoFatal.class).satisfies(t -> {
            GoFatal fatal = (GoFatal) t;
            assertThat(fatal.stderr().get(0)).isEqualTo("runtime: goroutine stack exceeds 1000000000-byte limit");
            assertThat(fatal.stderr().get(1)).matches("runtime: sp=0x[0-9a-f]+ stack=\\[0x[0-9a-f]+, 0x[0-9a-f]+\\]");
            assertThat(fatal.stderr().get(2)).isEqualTo("fatal error: stack overflow");
            assertThat(fatal.exitStatus()).isEqualTo(2);
        });
        assertThat(g.stackSize()).isEqualTo(512L << 20);
        StackEvent.StackOverflow o = (StackEvent.StackOverflow) events.stream()
                .filter(e -> e instanceof StackEvent.StackOverflow).findFirst().orElseThrow();
        assertThat(o.wantedSize()).isEqualTo(1L << 30);
        // The prologue failed: SP - (1104 - 128) <= lo + 928, where SP = printed sp + 8 (§2.1, §2.2).
        long entrySp = o.sp() + 8;
        assertThat(entrySp - (1104 - 128) - o.lo()).isLessThanOrEqualTo(928).isGreaterThan(928 - 1112);
        // Each frame costs its size plus the 8-byte return address.
        assertThat(g.depth()).isBetween((int) ((512L << 20) / 1112) - 2, (int) ((512L << 20) / 1112));
        assertThat(rt.finished()).isTrue();
    }

    @Test
    void overflowPointMatchesRealGo119ToTheByte() {
        // Measured with go1.19.8 linux/amd64 on this project's machine: main.main ($16-0) calling
        // a recursive main.deep ($1048-8, a used [1024]byte local) dies with
        // "runtime: sp=0xc0200e0578 stack=[0xc0200e0000, 0xc0400e0000]": sp is lo + 0x578,
        // i.e. 508,399 frames of 1,056 bytes on the 512 MiB stack.
        Goroutine g = rt.main();
        rt.call(g, FuncInfo.of("main.main", 16));
        assertThatThrownBy(() -> {
            while (true) {
                rt.call(g, FuncInfo.of("main.deep", 1048));
            }
        }).isInstanceOf(GoFatal.class).satisfies(t -> {
            String spLine = ((GoFatal) t).stderr().get(1);
            long sp = Long.parseLong(spLine.replaceAll("runtime: sp=0x([0-9a-f]+) .*", "$1"), 16);
            assertThat(sp - g.lo()).isEqualTo(0x578);
        });
        assertThat(g.depth() - 2).isEqualTo(508_399);
    }

    @Test
    void setMaxStackAllowsExactlyTheLimit() {
        // §2.8: with SetMaxStack(1<<20) a 1 MiB stack is allowed and growing to 2 MiB fails.
        assertThat(rt.setMaxStack(1 << 20)).isEqualTo(1_000_000_000L);
        Goroutine g = rt.main();
        assertThatThrownBy(() -> {
            while (true) {
                rt.call(g, FuncInfo.of("main.f", 64));
            }
        }).isInstanceOf(GoFatal.class)
                .satisfies(t -> assertThat(((GoFatal) t).stderr().get(0))
                        .isEqualTo("runtime: goroutine stack exceeds 1048576-byte limit"));
        assertThat(g.stackSize()).isEqualTo(1 << 20);
    }

    @Test
    void copyAdjustsOnlyPointersIntoTheOldStack() {
        // §2.3: slots pointing into the old stack move by delta; other values are left alone.
        Goroutine g = rt.go(rt.main(), new FuncInfo("main.a", 64, 2));
        rt.call(g, new FuncInfo("main.b", 64, 2));
        long local = rt.slotAddr(g, 0, 1);
        g.frame(1).slots[0] = local;                 // &local in the caller's frame
        g.frame(1).slots[1] = Sys.ARENA_BASE + 4096;   // a heap address: must not move
        long oldHi = g.hi();
        events.clear();
        rt.call(g, FuncInfo.of("main.c", 1500));
        StackEvent.StackGrew grew = (StackEvent.StackGrew) events.stream()
                .filter(e -> e instanceof StackEvent.StackGrew).findFirst().orElseThrow();
        long delta = g.hi() - oldHi;
        assertThat(grew.pointersAdjusted()).isEqualTo(1);
        assertThat(grew.framesCopied()).isEqualTo(2);
        assertThat(g.frame(1).slot(0)).isEqualTo(local + delta).isEqualTo(rt.slotAddr(g, 0, 1));
        assertThat(g.frame(1).slot(1)).isEqualTo(Sys.ARENA_BASE + 4096);
        assertThat(grew.used()).isEqualTo(32 + 8 + 64 + 8 + 64 + 8);
    }

    @Test
    void nosplitFramesNeverGrowTheStack() {
        // §2.1: NOSPLIT functions have no prologue check; they live in the guard's 800 bytes.
        Goroutine g = rt.go(rt.main(), FuncInfo.of("main.w", 24));
        rt.call(g, FuncInfo.of("main.fill", 1100)); // sp now just above the guard
        long size = g.stackSize();
        rt.call(g, new FuncInfo("main.leaf", 120, 0, true));
        assertThat(g.stackSize()).isEqualTo(size);
        assertThat(g.sp()).isLessThan(g.stackguard0());
        rt.ret(g);
        rt.call(g, FuncInfo.of("main.checked", 120)); // the same frame with a check grows
        assertThat(g.stackSize()).isEqualTo(2 * size);
    }

    @Test
    void prologueCheckFollowsStacksplit() {
        long guard = 10_000;
        // framesize <= 128: morestack iff SP <= guard.
        assertThat(Stacks.needsMorestack(guard, guard, 128)).isTrue();
        assertThat(Stacks.needsMorestack(guard + 1, guard, 128)).isFalse();
        // 128 < framesize <= 4096: SP - (framesize - 128) <= guard.
        assertThat(Stacks.needsMorestack(guard + 872, guard, 1000)).isTrue();
        assertThat(Stacks.needsMorestack(guard + 873, guard, 1000)).isFalse();
        // framesize > 4096 and the subtraction wraps: morestack at once.
        assertThat(Stacks.needsMorestack(100, 0, 1_000_000)).isTrue();
    }

    @Test
    void tenThousandParkedGoroutinesCost2KiBEach() {
        // §3: "Per blocked goroutine: StackInuse +2048 B". Spans are 32 KiB, so the total is
        // within one span (plus one P cache) of 10,000 x 2048.
        long before = rt.readMemStats().stackInuse();
        for (int i = 0; i < 10_000; i++) {
            Goroutine g = rt.go(rt.main(), FuncInfo.of("main.main.func1", 88));
            rt.block(g, WaitReason.CHAN_RECEIVE);
        }
        long delta = rt.readMemStats().stackInuse() - before;
        assertThat(Math.round(delta / 10_000.0)).isEqualTo(2048);
        assertThat(delta % (32 * 1024)).isZero();
        assertThat(Math.abs(delta - 10_000L * 2048)).isLessThanOrEqualTo(32 * 1024);
        assertThat(rt.numGoroutine()).isEqualTo(10_001);
    }

    @Test
    void theProgramsReadMemStatsFlushesStackCaches() {
        // ReadMemStats stops the world and runs flushallmcaches, which returns each P's cached
        // stacks to the pool; a pool span left with no stacks goes back to the heap (GC off).
        // Checked against go1.19.8: main ($5896) then a 10,000-deep $824 recursion grows
        // StackInuse by exactly 8,355,840 bytes between two ReadMemStats calls.
        Goroutine g = rt.main();
        rt.call(g, FuncInfo.of("main.main", 5896));
        long before = rt.programReadMemStats().stackInuse();
        for (int i = 0; i <= 10_000; i++) {
            rt.call(g, FuncInfo.of("main.deep", 824));
        }
        long unflushed = rt.readMemStats().stackInuse();
        long after = rt.programReadMemStats().stackInuse();
        assertThat(after - before).isEqualTo(8_355_840);
        assertThat(unflushed - after).isEqualTo(2 * 32 * 1024); // two pool spans held only cached stacks
        assertThat(rt.programReadMemStats().stackInuse()).isEqualTo(after);
    }

    @Test
    void idleProgramStackInuseMatchesGo119() {
        // §2.9: an idle 1.19 program has 229,376 B (7 spans) of StackInuse.
        assertThat(rt.readMemStats().stackInuse()).isEqualTo(229_376);
    }
}
