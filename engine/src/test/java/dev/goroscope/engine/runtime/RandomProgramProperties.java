package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventJson;
import dev.goroscope.engine.event.GcEvent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over random mutator programs and GC interleavings (issue: "jqwik properties").
 * A program is a seeded sequence of operations by three goroutines: allocations, pointer stores
 * and loads between heap, globals and stack slots, calls and returns with random frame sizes,
 * and GC work stepped by hand at random points.
 */
class RandomProgramProperties {

    /** Runs a random program; returns its events. */
    static List<Event> run(long seed, BarrierMode mode, int steps, List<String> failures) {
        List<Event> events = new ArrayList<>();
        GoRuntime rt = new GoRuntime(Settings.defaults().withBarrier(mode).withSeed(seed)
                .withPacedGc(false).withBackgroundMark(false), events::add);
        rt.setCheckLostObjects(true);
        SplitMix64 r = new SplitMix64(seed);
        FuncInfo frame = new FuncInfo("main.work", 64, 4);
        List<Goroutine> gs = new ArrayList<>();
        rt.call(rt.main(), frame);
        gs.add(rt.main());
        for (int i = 0; i < 2; i++) {
            Goroutine g = rt.go(rt.main(), frame);
            rt.storeSlot(g, 0, 0, 0); // runs it: enters main.work
            gs.add(g);
        }
        long[] globals = {rt.declareGlobal("main.a", 2), rt.declareGlobal("main.b", 2)};
        try {
            mutate(rt, r, gs, globals, steps, failures);
        } catch (GoFatal f) {
            failures.add("fatal: " + f.reason());
        }
        return events;
    }

    private static void mutate(GoRuntime rt, SplitMix64 r, List<Goroutine> gs, long[] globals, int steps,
                               List<String> failures) {
        BarrierMode mode = rt.settings().barrier();
        for (int step = 0; step < steps; step++) {
            Goroutine g = gs.get(r.nextInt(gs.size()));
            int depth = g.depth() - 1;
            int op = r.nextInt(12);
            long v = rt.loadSlot(g, depth, r.nextInt(4));
            switch (op) {
                case 0, 1 -> rt.storeSlot(g, depth, r.nextInt(4),
                        rt.alloc(g, 32 + r.nextInt(200), r.nextInt(4), "main.T"));
                case 2 -> {
                    long target = rt.loadSlot(g, depth, r.nextInt(4));
                    if (target != 0 && rt.object(target).fields.length > 0) {
                        rt.store(g, target, r.nextInt(rt.object(target).fields.length), v);
                    }
                }
                case 3 -> {
                    if (v != 0 && rt.object(v).fields.length > 0) {
                        rt.storeSlot(g, depth, r.nextInt(4), rt.load(g, v, r.nextInt(rt.object(v).fields.length)));
                    }
                }
                case 4 -> rt.storeGlobal(g, globals[r.nextInt(2)], r.nextInt(2), v);
                case 5 -> rt.storeSlot(g, depth, r.nextInt(4), rt.loadGlobal(g, globals[r.nextInt(2)], r.nextInt(2)));
                case 6 -> rt.storeSlot(g, depth, r.nextInt(4), 0);
                case 10, 11 -> {
                    // Move a pointer out of the heap: load a field into a slot, then clear the field.
                    if (v != 0 && rt.object(v).fields.length > 0) {
                        int fi = r.nextInt(rt.object(v).fields.length);
                        rt.storeSlot(g, depth, r.nextInt(4), rt.load(g, v, fi));
                        rt.store(g, v, fi, 0);
                    }
                }
                case 7 -> {
                    if (rt.gcphase() == GcPhase.OFF) {
                        rt.gcStart();
                    } else {
                        rt.gcStep(1);
                    }
                }
                case 8 -> {
                    if (g.depth() < 6) {
                        rt.call(g, new FuncInfo("main.rec", 64 + 8L * r.nextInt(800), 4));
                    }
                }
                default -> {
                    if (g.depth() > 2) {
                        rt.ret(g);
                    }
                }
            }
            if (rt.gcphase() == GcPhase.MARK && r.nextInt(3) == 0) {
                rt.gcStep(1); // the collector runs concurrently with the program
            }
            for (Goroutine x : rt.goroutines()) {
                if (x.hasStack() && !(Sys.isPowerOfTwo(x.stackSize()) && x.stackSize() >= 2048
                        && x.stackSize() <= rt.maxStackSize())) {
                    failures.add("bad stack size " + x.stackSize() + " for goroutine " + x.id());
                }
            }
        }
        rt.gcFinish();
        // Nothing reachable was freed: every pointer the roots reach is still an object.
        if (mode != BarrierMode.NONE && rt.danglingPointers() != 0) {
            failures.add("dangling pointers after the cycle: " + rt.danglingPointers());
        }
    }

    private static boolean anyLost(List<Event> events) {
        return events.stream().anyMatch(e -> e instanceof GcEvent.SpanSwept s
                && s.freed().stream().anyMatch(GcEvent.FreedObject::lost));
    }

    @Property(tries = 150)
    void noBarrierButNoneEverFreesAReachableObject(@ForAll long seed, @ForAll BarrierMode mode) {
        if (mode == BarrierMode.NONE) {
            return;
        }
        List<String> failures = new ArrayList<>();
        List<Event> events = run(seed, mode, 400, failures);
        assertThat(failures).isEmpty();
        assertThat(anyLost(events)).as("an object was freed while reachable under " + mode).isFalse();
    }

    @Property(tries = 100)
    void withNoBarrierTheOnlyFailureIsADetectedLostObject(@ForAll long seed) {
        List<String> failures = new ArrayList<>();
        List<Event> events = run(seed, BarrierMode.NONE, 400, failures);
        // A run may die, but only of a use of an object the sweeper freed while reachable.
        if (!failures.isEmpty()) {
            assertThat(failures).containsExactly("fatal: found pointer to free object");
            assertThat(anyLost(events)).isTrue();
        }
    }

    @Property(tries = 60)
    void sameSeedSameEventStream(@ForAll long seed, @ForAll BarrierMode mode) {
        List<String> f = new ArrayList<>();
        List<String> a = run(seed, mode, 200, f).stream().map(EventJson::toJson).toList();
        List<String> b = run(seed, mode, 200, f).stream().map(EventJson::toJson).toList();
        assertThat(a).isEqualTo(b);
    }

    @Property(tries = 40)
    void stackSizesArePowersOfTwoWithinTheLimit(@ForAll @IntRange(min = 15, max = 24) int maxShift,
                                                @ForAll long seed) {
        List<Event> events = new ArrayList<>();
        GoRuntime rt = new GoRuntime(Settings.defaults().withSeed(seed), events::add);
        rt.setMaxStack(1L << maxShift);
        SplitMix64 r = new SplitMix64(seed);
        Goroutine g = rt.main();
        try {
            for (int i = 0; i < 3000; i++) {
                if (r.nextInt(3) == 0 && g.depth() > 2) {
                    rt.ret(g);
                } else {
                    rt.call(g, FuncInfo.of("main.f", 8L * r.nextInt(600)));
                }
                if (i % 500 == 0) {
                    rt.runtimeGC();
                }
                assertThat(Sys.isPowerOfTwo(g.stackSize())).isTrue();
                assertThat(g.stackSize()).isBetween(2048L, 1L << maxShift);
            }
        } catch (GoFatal overflow) {
            assertThat(overflow.reason()).isEqualTo("stack overflow");
            assertThat(g.stackSize() * 2).isGreaterThan(1L << maxShift);
        }
    }
}
