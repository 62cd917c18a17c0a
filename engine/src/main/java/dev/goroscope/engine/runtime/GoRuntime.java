package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.ProgramEvent;
import java.util.List;

/**
 * The simulated Go runtime, driven one operation at a time: the Java driver API that the Go
 * front end compiles onto, and that tests call directly. Every operation emits the events that
 * describe it, in order, to the sink; the same settings and the same calls always give the same
 * event stream.
 *
 * <p>Operations name the goroutine doing them; a goroutine that is runnable is switched in on
 * its P first. A runtime failure ({@code fatal error: ...}) is emitted as events and thrown as
 * {@link GoFatal}; after it the runtime accepts nothing more, as the process would be gone.
 */
public final class GoRuntime {
    /** How many Ms an idle program has: m0, sysmon and two more (see {@link #bootMs}). */
    static final int BOOT_MS = 4;

    final Settings settings;
    final EventSink sink;
    final PageHeap pages;
    final StackAllocator stackAlloc;
    final Stacks stacks;
    final Sched sched;
    private final Goroutine main;
    private GoFatal died;
    private boolean exited;
    GcPhase gcphase = GcPhase.OFF;

    public GoRuntime(Settings settings, EventSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.pages = new PageHeap(settings.machineMemory(), sink);
        this.stackAlloc = new StackAllocator(pages, settings.gomaxprocs(), () -> gcphase == GcPhase.OFF);
        this.stacks = new Stacks(stackAlloc, sink, settings);
        this.sched = new Sched(settings.gomaxprocs(), stackAlloc, sink);
        bootMs();
        this.main = boot();
    }

    /**
     * The Ms of an idle program and their system stacks, which count in StackInuse: m0 runs on
     * the OS thread stack but has a 32 KiB gsignal stack; every other M has a g0 stack (8 KiB in
     * 1.19, 16 KiB in 1.23) and a gsignal stack. With four Ms this gives the 229,376 bytes
     * (7 spans) measured for an idle 1.19 program (§2.9).
     */
    private void bootMs() {
        for (int m = 0; m < BOOT_MS; m++) {
            stackAlloc.stackalloc(32 * 1024, -1); // gsignal
            if (m > 0) {
                stackAlloc.stackalloc(settings.profile().g0StackBytes(), -1); // g0
            }
        }
    }

    /**
     * Starts the main goroutine and the runtime's own goroutines. The main goroutine starts
     * with 2 KiB and grows once during package initialisation, so it has 4 KiB when
     * {@code main.main} is entered, as measured (§2.10).
     */
    private Goroutine boot() {
        Goroutine g1 = sched.newproc(null, FuncInfo.of("runtime.main", 136), 0, false);
        run(g1);
        stacks.push(g1, FuncInfo.of("runtime.doInit", 1152));
        stacks.pop(g1);
        for (String sys : List.of("runtime.forcegchelper", "runtime.bgsweep", "runtime.bgscavenge")) {
            Goroutine s = sched.newproc(g1, FuncInfo.of(sys, 24), 0, true);
            run(s);
            sched.setStatus(s, GStatus.WAITING, switch (sys) {
                case "runtime.forcegchelper" -> WaitReason.FORCE_GC_IDLE;
                case "runtime.bgsweep" -> WaitReason.GC_SWEEP_WAIT;
                default -> WaitReason.GC_SCAVENGE_WAIT;
            });
            sched.ps[0].current = null;
        }
        run(g1);
        return g1;
    }

    /** The main goroutine (goid 1), running {@code runtime.main}, about to call {@code main.main}. */
    public Goroutine main() {
        return main;
    }

    public Settings settings() {
        return settings;
    }

    /** The goroutine with this id, or null. */
    public Goroutine goroutine(long gid) {
        return sched.byId(gid);
    }

    public List<Goroutine> goroutines() {
        return sched.allgs();
    }

    public int numGoroutine() {
        return sched.numGoroutine();
    }

    public GcPhase gcphase() {
        return gcphase;
    }

    /** {@code startingStackSize} (§2.7). */
    public long startingStackSize() {
        return sched.startingStackSize;
    }

    /** {@code maxstacksize}. */
    public long maxStackSize() {
        return stacks.maxstacksize;
    }

    /** The program died of a runtime error, or exited. */
    public boolean finished() {
        return died != null || exited;
    }

    public GoFatal fatal() {
        return died;
    }

    /** {@code go fn()}: a new goroutine, runnable, in its creator's P's {@code runnext}. */
    public Goroutine go(Goroutine parent, FuncInfo fn) {
        return guard(() -> {
            run(parent);
            return sched.newproc(parent, fn, parent.p, false);
        });
    }

    /** A call from {@code g}'s current frame: the prologue check may grow the stack. */
    public void call(Goroutine g, FuncInfo fn) {
        guard(() -> {
            run(g);
            if (g.preemptShrink && g.isShrinkStackSafe()) {
                g.preemptShrink = false;
                stacks.shrinkstack(g, true);
            }
            stacks.push(g, fn);
            return null;
        });
    }

    /** A return from {@code g}'s innermost frame. */
    public void ret(Goroutine g) {
        guard(() -> {
            run(g);
            if (g.frames.isEmpty()) {
                throw new IllegalStateException("goroutine " + g.id + " has no frame to return from");
            }
            stacks.pop(g);
            return null;
        });
    }

    /** The goroutine's function returned for good: {@code goexit}. */
    public void exit(Goroutine g) {
        guard(() -> {
            run(g);
            sched.goexit(g);
            return null;
        });
    }

    /** {@code main.main} returned: the process exits with status 0. */
    public void exitProgram() {
        guard(() -> {
            exited = true;
            sink.emit(new ProgramEvent.Exited(0));
            return null;
        });
    }

    /** {@code gopark}: the goroutine waits. */
    public void block(Goroutine g, WaitReason why) {
        guard(() -> {
            run(g);
            sched.ps[g.p].current = null;
            sched.setStatus(g, GStatus.WAITING, why);
            return null;
        });
    }

    /** {@code goready}: a waiting goroutine becomes runnable. */
    public void unblock(Goroutine g) {
        guard(() -> {
            if (g.status != GStatus.WAITING) {
                throw new IllegalStateException("goroutine " + g.id + " is not waiting");
            }
            sched.setStatus(g, GStatus.RUNNABLE, WaitReason.NONE);
            sched.ps[g.p].runq.addLast(g);
            return null;
        });
    }

    /** Enters or leaves a system call: a goroutine in a syscall cannot have its stack shrunk (§2.5). */
    public void syscall(Goroutine g, boolean enter) {
        guard(() -> {
            if (enter) {
                run(g);
                g.inSyscall = true;
                sched.setStatus(g, GStatus.SYSCALL, WaitReason.NONE);
            } else {
                g.inSyscall = false;
                sched.setStatus(g, GStatus.RUNNING, WaitReason.NONE);
            }
            return null;
        });
    }

    /** Marks a goroutine as stopped by an asynchronous preemption (no precise maps, §2.5). */
    public void asyncPreempt(Goroutine g, boolean preempted) {
        g.asyncPreempted = preempted;
        if (preempted && g.status == GStatus.RUNNING) {
            sched.ps[g.p].current = null;
            sched.setStatus(g, GStatus.RUNNABLE, WaitReason.NONE);
        }
    }

    /** Address of pointer slot {@code slot} of frame {@code depth} (0 = outermost). */
    public long slotAddr(Goroutine g, int depth, int slot) {
        return g.frames.get(depth).slotAddr(slot);
    }

    /** {@code runtime.ReadMemStats}. */
    public MemStats readMemStats() {
        long stackInuse = pages.stackInuse();
        return new MemStats(0, 0, pages.heapSys() + stackInuse, 0, 0, 0, pages.heapSys(), pages.heapIdle(),
                pages.heapInuse(), pages.heapReleased(), 0, stackInuse, stackInuse, Sys.DEFAULT_HEAP_MINIMUM, 0, 0);
    }

    /** {@code debug.SetMaxStack}: returns the previous limit; only future growth is limited. */
    public long setMaxStack(long n) {
        long old = stacks.maxstacksize;
        stacks.maxstacksize = n;
        sink.emit(new ProgramEvent.SettingChanged("debug.SetMaxStack", Long.toString(old), Long.toString(n)));
        return old;
    }

    /** Makes {@code g} the running goroutine on its P, entering its function if it has not yet. */
    void run(Goroutine g) {
        if (died != null || exited) {
            throw new IllegalStateException("the program has already ended");
        }
        switch (g.status) {
            case RUNNING, SYSCALL -> { }
            case RUNNABLE -> {
                P pp = sched.ps[g.p];
                if (pp.current != null && pp.current != g && pp.current.status == GStatus.RUNNING) {
                    sched.setStatus(pp.current, GStatus.RUNNABLE, WaitReason.NONE);
                    pp.runq.addLast(pp.current);
                }
                pp.runq.remove(g);
                if (pp.runnext == g) {
                    pp.runnext = null;
                }
                pp.current = g;
                sched.setStatus(g, GStatus.RUNNING, WaitReason.NONE);
            }
            default -> throw new IllegalStateException("goroutine " + g.id + " cannot run: it is "
                    + g.status.goName() + (g.status == GStatus.WAITING ? " [" + g.waitReason.text() + "]" : ""));
        }
        if (g.pendingEntry != null) {
            FuncInfo fn = g.pendingEntry;
            g.pendingEntry = null;
            stacks.push(g, fn);
        }
    }

    /** Runs an operation; a runtime failure is recorded, emitted and rethrown. */
    <T> T guard(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (GoFatal f) {
            if (died == null) {
                died = f;
                sink.emit(new ProgramEvent.Fatal(f.reason(), f.stderr(), f.exitStatus()));
            }
            throw f;
        }
    }
}
