package dev.goroscope.app.settings;

import java.util.Optional;

/**
 * What each setting means, in Go's terms, with the section of go-runtime-facts.md it comes from,
 * and where the simulation is not the real runtime. Shown as the tooltip of each row and in the
 * panel's help line, so a student can read why a number changes what they see.
 */
final class Descriptions {
    private Descriptions() {}

    static final String GOGC = "GOGC: how far the heap may grow past what the last cycle found live before the"
            + " next cycle starts, in percent. Heap goal = live heap + (live heap + scanned stacks + globals)"
            + " × GOGC/100, and at least 4 MiB × GOGC/100 (go-runtime-facts.md §4.7). 100 is Go's default;"
            + " 0 collects all the time; off removes this goal, leaving GOMEMLIMIT and runtime.GC().";

    static final String GOMEMLIMIT = "GOMEMLIMIT: a soft limit on all the memory the runtime manages (heap,"
            + " stacks, metadata). Near the limit the heap goal shrinks to what is left of it, less 3% headroom,"
            + " so cycles come sooner (§4.7). Type off (Go's default) or a size as Go reads it: 16MiB, 512KiB, a"
            + " byte count. Real Go also caps GC CPU at about 50% then (the GC CPU limiter) and lets the heap"
            + " pass the limit; the simulation has no CPU limiter, so a limit below the live heap means"
            + " back-to-back cycles.";

    static final String GCTRACE = "GODEBUG=gctrace=1: one line per GC cycle in the program's output, in"
            + " Go's format: heap at start -> at mark end -> live, goal, stacks, globals, Ps (§5). The memory"
            + " figures are the simulation's real accounting; the times come from its virtual clock.";

    static final String BARRIER = "The write barrier: what a pointer store does while the collector marks"
            + " (§4.4). Go since 1.8 runs the hybrid barrier as implemented: shade the old and the new"
            + " pointer, always. The other modes exist only in this simulation, to compare: the hybrid as"
            + " documented in mbarrier.go (new pointer only while the stack is grey), Dijkstra insertion with a"
            + " stack rescan at mark termination (Go 1.5 to 1.7), Yuasa deletion, and none. With none the"
            + " collector can free a live object, and the run stops with fatal error: found pointer to free"
            + " object.";

    static final String MAX_STACK = "maxstacksize: the largest a goroutine's stack may grow, in bytes; what"
            + " debug.SetMaxStack sets. Go's default is 1000000000 on 64-bit. Stacks double and the check is"
            + " strict, so the last stack before \"stack overflow\" is 512 MiB (§1, §2.8). Go has no environment"
            + " variable for it: a program calls debug.SetMaxStack; here it is the limit in force when main"
            + " starts, and goroscope run has no flag for it.";

    static final String SHRINK_OFF = "GODEBUG=gcshrinkstackoff=1: stacks only grow. Normally the GC's stack"
            + " scan halves a stack when its used part plus 800 bytes is under a quarter of its size, never"
            + " below 2 KiB (§2.5, §6). Returning from functions never shrinks a stack.";

    static final String ADAPTIVE = "GODEBUG=adaptivestackstart (Go 1.19+, on by default): at each GC the"
            + " starting stack of reused goroutines becomes the average scanned stack use plus 928 bytes,"
            + " rounded up to a power of two; off keeps 2 KiB. Brand-new goroutines always start at 2 KiB"
            + " (§2.7).";

    static final String GOMAXPROCS = "GOMAXPROCS: the number of Ps, how many goroutines run Go code at once"
            + " (1 to 256). The collector's background workers aim at 25% of them: whole dedicated workers,"
            + " or fractional ones for 1 to 3 and 6 Ps (§4.6). The simulation runs the Ps' goroutines"
            + " interleaved, one at a time, in an order fixed by the seed.";

    static final String SEED = "The seed of the simulation's interleaving: the same program, settings and"
            + " seed give the same run, event for event, every time. Real Go has no such seed; its schedule"
            + " changes from run to run.";

    static final String PROFILE = "Which Go release to mirror: go1.19.8 (the default) or go1.23.5. The stack"
            + " algorithms are the same; they differ in sizeof(runtime.g) (392 or 432 bytes), the g0 stack"
            + " (8 or 16 KiB), the gctrace \"MB stacks\" figure (allocated or scanned), the traceback header"
            + " and some compiler messages (§1, §5, §9).";

    static final String MACHINE = "The simulated machine's memory: what the runtime can map before fatal"
            + " error: out of memory, as a program with 10 million goroutines meets on an 8 GiB laptop."
            + " At least 64MiB (goroscope run --machine-memory). In real Go this is the machine's RAM, not a"
            + " setting.";

    static String frames(Optional<String> goVersion) {
        String base = "Where frame sizes, and so stack use, come from. estimate: the built-in estimator,"
                + " calibrated against gc 1.19 (recursive functions within about 10% of gc's frames)."
                + " go: gc's own frame sizes and escape decisions, from building the program with the"
                + " installed toolchain (go build -gcflags='-S -m'). ";
        return base + goVersion.map(v -> "Found " + v + " on the PATH.")
                .orElse("Not available here: there is no 'go' on the PATH (install a Go toolchain, such as"
                        + " Debian's golang-go, to use it).");
    }
}
