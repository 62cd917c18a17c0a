package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.HeapEvent;
import java.util.ArrayList;
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
    /** The runtime's own memory besides heap and stacks (GCSys and the rest). */
    final RuntimeSys runtimeSys;
    final Scavenger scavenger;
    final StackAllocator stackAlloc;
    final Stacks stacks;
    final Procs procs;
    final Sched sched;
    final Heap heap;
    final Collector gc;
    /** Globals: the data and BSS segments, scanned as the first roots. */
    final List<Global> globals = new ArrayList<>();
    private final Mutator mutator = new Mutator(this);
    private final Channels channels = new Channels(this);
    private final Syncs syncs = new Syncs(this);
    private final SyncPools pools = new SyncPools(this);
    /** Runtime-held heap pointers ({@code allgs}): scanned with the globals. */
    final List<Long> runtimeRoots = new ArrayList<>();
    /** The virtual clock, in nanoseconds since the program started. */
    long clock;
    private final Timers timers = new Timers(this);
    private Channel closedchan;
    private final List<Goroutine> gcWaiters = new ArrayList<>();
    private final List<Runnable> sweepTerminationHooks = new ArrayList<>();
    private final SplitMix64 rng;
    private final Goroutine main;
    /** The P whose M does the current operation ({@code getg().m.p}). */
    int curP;
    /** The Ps' CPU time: the interpreter's instructions, the runtime's work, the running slice. */
    private final CpuTime cpuTime;
    /** Part of a nanosecond of the virtual clock still owed, when several Ps share it. */
    private long clockOwed;
    private GoFatal died;
    private boolean exited;
    /** P structs allocated so far ({@code allp} never gives them back, {@link BootHeap}). */
    int pStructs;
    GcPhase gcphase = GcPhase.OFF;

    public GoRuntime(Settings settings, EventSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.pages = new PageHeap(settings.machineMemory(), sink);
        this.stackAlloc = new StackAllocator(pages, settings.gomaxprocs(), () -> gcphase == GcPhase.OFF);
        this.stacks = new Stacks(stackAlloc, sink, settings);
        this.procs = new Procs(settings.gomaxprocs(), settings.seed());
        this.sched = new Sched(procs, stackAlloc, sink);
        this.cpuTime = new CpuTime(procs);
        this.rng = new SplitMix64(settings.seed());
        this.heap = new Heap(pages, sink);
        this.runtimeSys = new RuntimeSys(pages, heap);
        this.scavenger = new Scavenger(this, pages);
        pages.afterAlloc(scavenger::spanAllocated);
        this.gc = new Collector(this, heap);
        sched.newGStruct = this::newGStruct;
        bootMs();
        this.main = boot();
        pStructs = settings.gomaxprocs();
        gc.pacer.heapScan = BootHeap.scanBytes(pStructs); // scannable heap before the first cycle
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
        Goroutine g1 = sched.newproc(null, FuncInfo.of("runtime.main", 88), 0, false);
        run(g1);
        stacks.push(g1, FuncInfo.of("runtime.doInit", 1152));
        stacks.pop(g1);
        // forcegchelper, bgsweep and bgscavenge always; runfinq because package os (imported by
        // fmt) sets finalizers. So, as in real Go 1.19, user goroutines start at 6.
        for (String sys : List.of("runtime.forcegchelper", "runtime.bgsweep", "runtime.bgscavenge",
                "runtime.runfinq")) {
            Goroutine s = sched.newproc(g1, FuncInfo.of(sys, 24), 0, true);
            run(s);
            sched.setStatus(s, GStatus.WAITING, switch (sys) {
                case "runtime.forcegchelper" -> WaitReason.FORCE_GC_IDLE;
                case "runtime.bgsweep" -> WaitReason.GC_SWEEP_WAIT;
                case "runtime.runfinq" -> WaitReason.FINALIZER_WAIT;
                default -> WaitReason.GC_SCAVENGE_WAIT;
            });
            procs.stopped(procs.ps[0]);
        }
        run(g1);
        procs.ps[0].schedtick = 1; // schedule's first execute was runtime.main's
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

    /**
     * The program died of an unrecovered panic, which the language layer unwinds and prints
     * ({@code panic: ...}, {@code goroutine N [running]:}, exit status 2): recorded like a fatal
     * error so that a timeline shows the lines at its end.
     */
    public void panicked(List<String> stderr) {
        if (died == null && !exited) {
            died = new GoFatal("panic", stderr, 2);
            sink.emit(new ProgramEvent.Fatal("panic", stderr, 2));
        }
    }

    /** {@code go fn()}: a new goroutine, runnable, in its creator's P's {@code runnext}. */
    public Goroutine go(Goroutine parent, FuncInfo fn) {
        return guard(() -> {
            run(parent);
            Goroutine g = sched.newproc(parent, fn, parent.p, false);
            charge(sched.lastReused ? CpuTime.NEWPROC_NS : CpuTime.MALG_NS);
            wakep();
            return g;
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
            long size = g.stackSize();
            stacks.push(g, fn);
            if (g.stackSize() > size) {
                charge(CpuTime.copystack(g.stackSize()));
            }
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
            charge(CpuTime.GOEXIT_NS);
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

    /**
     * {@code gopark}: the goroutine waits. A parked goroutine's stack holds the runtime's own
     * frames down to {@code gopark} (for a channel receive: chanrecv1, chanrecv, gopark); their
     * sizes are modelled, and they are why a parked goroutine's stack stops shrinking at 4 KiB.
     */
    public void block(Goroutine g, WaitReason why) {
        guard(() -> {
            park(g, why);
            return null;
        });
    }

    /** {@code gopark} without the per-operation bookkeeping: for the runtime's own blocking ops. */
    void park(Goroutine g, WaitReason why) {
        run(g);
        for (FuncInfo f : ParkFrames.forReason(why)) {
            stacks.push(g, f);
        }
        g.parkFrames = ParkFrames.forReason(why).size();
        procs.stopped(procs.ps[g.p]);
        sched.setStatus(g, GStatus.WAITING, why);
    }

    /** {@code goready}: a parked goroutine becomes runnable and leaves the runtime's frames. */
    void ready(Goroutine g) {
        if (g.status != GStatus.WAITING) {
            throw new IllegalStateException("goroutine " + g.id + " is not waiting");
        }
        sched.setStatus(g, GStatus.RUNNABLE, WaitReason.NONE);
        // goready: runqput(the readying P, g, next=true), then wakep.
        procs.runqput(procs.ps[timers.firingP >= 0 ? timers.firingP : curP], g, true);
        charge(CpuTime.READY_NS);
        wakep();
        for (; g.parkFrames > 0; g.parkFrames--) {
            stacks.pop(g);
        }
    }

    /** {@code goready}: a waiting goroutine becomes runnable. */
    public void unblock(Goroutine g) {
        guard(() -> {
            ready(g);
            return null;
        });
    }

    /** {@code make(chan T, size)}: the hchan (and its buffer, if elements hold pointers) on the heap. */
    public Channel makechan(Goroutine g, long elemSize, int elemPtrWords, String elemType, int size) {
        return guard(() -> {
            run(g);
            return channels.makechan(g, elemSize, elemPtrWords, elemType, size);
        });
    }

    /** {@code ch <- e}; when blocked, the result arrives in {@link Goroutine#wake()}. */
    public ChanResult chansend(Goroutine g, Channel c, Channel.Elem e) {
        return guard(() -> {
            acting(g);
            return channels.send(g, c, e, 0);
        });
    }

    /** {@code <-ch}; when blocked, the result arrives in {@link Goroutine#wake()}. */
    public ChanResult chanrecv(Goroutine g, Channel c) {
        return guard(() -> {
            acting(g);
            return channels.recv(g, c, 0);
        });
    }

    /** {@code close(ch)}: returns a panic message ("close of closed channel"), or null. */
    public String closechan(Goroutine g, Channel c) {
        return guard(() -> {
            run(g);
            return channels.close(g, c);
        });
    }

    /** {@code select}: the chosen case, or BLOCKED (the chosen case then arrives in {@code wake()}). */
    public ChanResult select(Goroutine g, List<SelectCase> cases, boolean hasDefault) {
        return guard(() -> {
            run(g);
            return channels.select(g, cases, hasDefault);
        });
    }

    /** {@code m.Lock()}: true if acquired now, false if parked (it holds the lock when woken). */
    public boolean lock(Goroutine g, SyncState m) {
        return guard(() -> {
            acting(g);
            return syncs.lock(g, m);
        });
    }

    public void unlock(Goroutine g, SyncState m) {
        guard(() -> {
            run(g);
            syncs.unlock(g, m);
            return null;
        });
    }

    public boolean rlock(Goroutine g, SyncState m) {
        return guard(() -> {
            acting(g);
            return syncs.rlock(g, m);
        });
    }

    public void runlock(Goroutine g, SyncState m) {
        guard(() -> {
            run(g);
            syncs.runlock(g, m);
            return null;
        });
    }

    /** {@code wg.Add(delta)}: returns a panic message, or null. */
    public String wgAdd(Goroutine g, SyncState wg, long delta) {
        return guard(() -> {
            run(g);
            return syncs.add(wg, delta);
        });
    }

    /** {@code wg.Wait()}: true if it returned at once, false if parked. */
    public boolean wgWait(Goroutine g, SyncState wg) {
        return guard(() -> {
            acting(g);
            return syncs.await(g, wg);
        });
    }

    SplitMix64 rng() {
        return rng;
    }

    /** A number in [0, bound) from the run's seed (map iteration order, select's poll order). */
    public int randomInt(int bound) {
        return rng.nextInt(bound);
    }

    /** A pointer store into a heap object by the runtime on the program's behalf (write barrier on). */
    void mutatorStore(Goroutine g, long obj, int field, long value) {
        mutator.store(g, obj, field, value);
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
            procs.stopped(procs.ps[g.p]);
            sched.setStatus(g, GStatus.RUNNABLE, WaitReason.NONE);
        }
    }

    /** Address of pointer slot {@code slot} of frame {@code depth} (0 = outermost). */
    public long slotAddr(Goroutine g, int depth, int slot) {
        return g.frames.get(depth).slotAddr(slot);
    }

    /**
     * {@code time.After(d)} ({@code repeat} false) or {@code time.NewTicker(d)}: a channel that
     * receives the virtual time in nanoseconds when the clock reaches each deadline.
     */
    public Ticker newTimer(Goroutine g, long nanos, boolean repeat) {
        return channelTimer(g, nanos, repeat ? Math.max(nanos, 1) : 0, Long::valueOf);
    }

    /**
     * {@code time.NewTimer(d)} ({@code period} 0) or {@code time.NewTicker(period)}: the channel
     * ({@code make(chan Time, 1)}: an hchan and a buffer for one 24-byte Time with its location
     * pointer) and the 80-byte Timer or Ticker that points to it; each tick sends
     * {@code value(when)}.
     */
    public Ticker channelTimer(Goroutine g, long nanos, long period, java.util.function.LongFunction<Object> value) {
        return guard(() -> {
            run(g);
            Channel c = channels.makechan(g, 24, 1, "time.Time", 1);
            long obj = mutator.alloc(g, 80, 1, period > 0 ? "time.Ticker" : "time.Timer");
            mutator.store(g, obj, 0, c.addr());
            Ticker t = new Ticker(c, null, value, obj, period);
            timers.arm(g, t, clock + Math.max(nanos, 0));
            return t;
        });
    }

    /**
     * {@code time.AfterFunc(d, f)}: an 80-byte Timer pointing to the function value at
     * {@code fn}; when it fires the runtime runs {@code start}, which must start the function in
     * a goroutine of its own ({@link #goFromTimer}), as {@code goFunc} does.
     */
    public Ticker funcTimer(Goroutine g, long nanos, long fn, Runnable start) {
        return guard(() -> {
            run(g);
            long obj = mutator.alloc(g, 80, 1, "time.Timer");
            mutator.store(g, obj, 0, fn);
            Ticker t = new Ticker(null, start, null, obj, 0);
            timers.arm(g, t, clock + Math.max(nanos, 0));
            return t;
        });
    }

    /** {@code t.Stop()}: true if the call stopped a pending timer. */
    public boolean stopTimer(Goroutine g, Ticker t) {
        return guard(() -> {
            run(g);
            return timers.stop(t);
        });
    }

    /** {@code t.Reset(d)}: re-arms for now + d (a ticker with the new period); true if it was pending. */
    public boolean resetTimer(Goroutine g, Ticker t, long nanos, long period) {
        return guard(() -> {
            run(g);
            boolean was = timers.stop(t);
            t.period = period;
            timers.arm(g, t, clock + Math.max(nanos, 0));
            return was;
        });
    }

    /**
     * A goroutine started by a firing timer ({@code goFunc} for {@code time.AfterFunc}): it goes
     * to the runnext of the P running the timers.
     */
    public Goroutine goFromTimer(FuncInfo fn) {
        int p = timers.firingP >= 0 ? timers.firingP : curP;
        Goroutine g = sched.newproc(null, fn, p, false);
        charge(sched.lastReused ? CpuTime.NEWPROC_NS : CpuTime.MALG_NS);
        wakep();
        return g;
    }

    /**
     * Package context's {@code closedchan}: a closed {@code chan struct{}} the package makes while
     * it initialises, before {@code main} (here it lies outside the simulated heap).
     */
    public Channel closedChannel() {
        if (closedchan == null) {
            closedchan = new Channel(0, 0, 0, 0, 0, "struct {}");
            closedchan.closed = true;
        }
        return closedchan;
    }

    /** An allocation the runtime makes for {@code g} inside an operation already guarded. */
    long mutatorAlloc(Goroutine g, long size, int nptrs, String typeName) {
        return mutator.alloc(g, size, nptrs, typeName);
    }

    /** A timer's {@code sendTime}: the runtime sends, with no goroutine of the program. */
    void timerSend(Channel c, Object value) {
        channels.send(null, c, new Channel.Elem(value, new long[0]), 0);
    }

    /** The clock moves on to {@code when} (never back) while nothing runs. */
    void advanceClock(long when) {
        if (when > clock) {
            sink.emit(new dev.goroscope.engine.event.SchedEvent.ClockAdvanced(clock, when));
            clock = when;
        }
    }

    /** {@code time.Sleep(d)}: the goroutine parks until the virtual clock reaches now + d. */
    public void sleep(Goroutine g, long nanos) {
        guard(() -> {
            run(g);
            timers.sleep(g, clock + Math.max(nanos, 0));
            return null;
        });
        block(g, WaitReason.SLEEP);
    }

    /**
     * {@code schedule}: the goroutine to run next, now running. The Ps move in the order of their
     * clocks ({@link Procs}): a P whose goroutine stopped runs {@code findRunnable} (due timers
     * first, then runnext, its local queue, the global queue, stealing); an M the OS has woken
     * starts spinning. When no P has anything to do, idle Ps run mark work while the GC marks,
     * the clock jumps to the next timer, and with no timer either every goroutine is asleep: the
     * runtime's deadlock error.
     *
     * @return the goroutine of the P that runs next, with {@link #curP} set to that P
     */
    public Goroutine schedule() {
        P next = procs.earliest();
        if (next != null && next.state == P.State.RUNNING) {
            curP = next.id; // another P's turn: no runtime work, so no operation on the clock
            return next.current;
        }
        return guard(() -> {
            while (true) {
                P pp = procs.earliest();
                if (pp == null) {
                    idle();
                    continue;
                }
                switch (pp.state) {
                    case WAKING, STEAL_SLEEP -> procs.wake(pp);
                    case SCHEDULING -> findAndRun(pp);
                    case RUNNING -> {
                        curP = pp.id;
                        return pp.current;
                    }
                    default -> throw new IllegalStateException("P" + pp.id + " is " + pp.state);
                }
            }
        });
    }

    /** P {@code pp}'s M runs {@code schedule}: timers that are due, then {@code findRunnable}. */
    private void findAndRun(P pp) {
        curP = pp.id;
        timers.runDue(pp.id);
        boolean[] inherit = new boolean[1];
        Goroutine g = procs.findRunnable(pp, inherit);
        if (g != null) {
            // a fractional mark worker behind its share runs first; its marking is this P's CPU time
            long before = clock;
            gc.workers.schedulePoint(pp.id);
            pp.clock += clock - before;
            procs.execute(pp, g, inherit[0]);
            start(g);
        }
    }

    /**
     * Nothing runs on any P: the background scavenger if it is awake, mark work for the idle Ps,
     * the next timer, or deadlock.
     */
    private void idle() {
        if (scavenger.runIdle()) {
            return; // woken and runnable, it takes an idle P first
        }
        if (gcphase == GcPhase.MARK) {
            curP = procs.acquireIdle().id;
            gc.workers.idle(timers.isEmpty() ? Long.MAX_VALUE : timers.next()); // idle Ps mark
            return;
        }
        if (timers.isEmpty()) {
            throw deadlock();
        }
        curP = procs.acquireIdle().id;
        timers.advance(curP);
    }

    /**
     * "fatal error: all goroutines are asleep - deadlock!" with each goroutine's header; with no
     * goroutine left at all (main called runtime.Goexit), checkdead's other message.
     */
    private GoFatal deadlock() {
        if (sched.allgs().stream().allMatch(g -> g.isDead() || g.system)) {
            String why = "no goroutines (main called runtime.Goexit) - deadlock!";
            return new GoFatal(why, List.of("fatal error: " + why));
        }
        List<String> lines = new ArrayList<>();
        lines.add("fatal error: all goroutines are asleep - deadlock!");
        for (Goroutine g : sched.allgs()) {
            if (!g.isDead() && !g.system) {
                lines.add("");
                String state = g.status == GStatus.WAITING ? g.waitReason.text() : g.status.tracebackWord();
                lines.add(settings.profile().goroutineHeader(g.id, state));
            }
        }
        return new GoFatal("all goroutines are asleep - deadlock!", lines);
    }

    /** The virtual clock in nanoseconds. */
    public long nanotime() {
        return clock;
    }

    /**
     * {@code runtime.ReadMemStats} called by the program: it stops the world and flushes every
     * P's mcache first ({@code flushallmcaches}, which also returns each P's cached stacks to the
     * pool, so pool spans left empty go back to the heap), then reads the figures.
     */
    public MemStats programReadMemStats() {
        return guard(() -> {
            stackAlloc.clearCaches();
            MemStats m = readMemStats();
            wakep(); // startTheWorldWithSema wakes an M in case work queued up meanwhile
            return m;
        });
    }

    /** The MemStats figures now, without side effects (for viewers and tests). */
    public MemStats readMemStats() {
        long stackInuse = pages.stackInuse();
        return new MemStats(heap.heapAlloc(), heap.totalAlloc(), pages.heapSys() + stackInuse + runtimeSys.total(),
                heap.mallocs(), heap.frees(), heap.heapAlloc(), pages.heapSys(), pages.heapIdle(), pages.heapInuse(),
                pages.heapReleased(), heap.heapObjects(), stackInuse, stackInuse, gc.heapGoal(), gc.numgc,
                gc.numForcedGC, runtimeSys.mspanSys(), runtimeSys.mcacheSys(), runtimeSys.buckHashSys(),
                runtimeSys.gcSys(), runtimeSys.otherSys());
    }

    /** {@code new(g)}: every G struct is a heap object, kept alive through {@code allgs}. */
    private long newGStruct() {
        HeapObject o = heap.mallocgc(settings.profile().sizeofG(), settings.profile().sizeofG() / Sys.PTR_SIZE,
                "runtime.g", gcphase.allocateBlack(), 0);
        runtimeRoots.add(o.addr);
        return o.addr;
    }

    /** Declares a global with {@code nptrs} pointer slots; returns its address. */
    public long declareGlobal(String name, int nptrs) {
        return mutator.declareGlobal(name, nptrs);
    }

    /**
     * {@code mallocgc}: allocates an object; black while the GC marks; may start a cycle when
     * the heap reaches the trigger, and makes the goroutine assist if it allocates during mark.
     */
    public long alloc(Goroutine g, long size, int nptrs, String typeName) {
        return guard(() -> mutator.alloc(g, size, nptrs, typeName));
    }

    /**
     * {@link #alloc} of an object the runtime keeps for itself although a goroutine of the program
     * asks for it (a heap defer record, {@code newdefer}): it is the runtime's ({@link HeapObject#runtime}).
     */
    public long allocForRuntime(Goroutine g, long size, int nptrs, String typeName) {
        return guard(() -> heap.forRuntime(() -> mutator.alloc(g, size, nptrs, typeName)));
    }

    /** {@code obj.field = value}: a heap pointer store, through the write barrier. */
    public void store(Goroutine g, long obj, int field, long value) {
        guard(() -> mutator.store(g, obj, field, value));
    }

    /** Loads {@code obj.field}; using a pointer to an object the GC lost ends the run. */
    public long load(Goroutine g, long obj, int field) {
        return guard(() -> mutator.load(g, obj, field));
    }

    /** A store into a global's pointer slot, through the write barrier. */
    public void storeGlobal(Goroutine g, long addr, int slot, long value) {
        guard(() -> mutator.storeGlobal(g, addr, slot, value));
    }

    public long loadGlobal(Goroutine g, long addr, int slot) {
        return guard(() -> mutator.loadGlobal(g, addr, slot));
    }

    /**
     * A store into pointer slot {@code slot} of frame {@code depth}: no write barrier. The
     * value may point to the heap or into this goroutine's own stack.
     */
    public void storeSlot(Goroutine g, int depth, int slot, long value) {
        guard(() -> mutator.storeSlot(g, depth, slot, value));
    }

    public long loadSlot(Goroutine g, int depth, int slot) {
        return guard(() -> mutator.loadSlot(g, depth, slot));
    }

    /** {@code runtime.GC()}: a forced cycle run to completion, sweep included. */
    public void runtimeGC() {
        guard(() -> {
            gc.finishMark();
            gc.gcStart("forced", true);
            gc.finishMark();
            heap.finishSweep();
            return null;
        });
    }

    /**
     * {@code runtime.GC()} as a Go program calls it: a forced cycle starts and the caller parks
     * until it has been marked and swept ({@code gcWaitOnMark}), while other goroutines run and
     * idle Ps do mark work. Returns true if the cycle is already over (nothing else could run).
     */
    public boolean programGC(Goroutine g) {
        return guard(() -> {
            run(g);
            gc.finishMark();
            heap.finishSweep();
            gc.gcStart("forced", true);
            gcWaiters.add(g);
            park(g, WaitReason.WAIT_FOR_GC_CYCLE);
            return false;
        });
    }

    /** Wakes the goroutines waiting in runtime.GC once the cycle is done, sweep included. */
    void cycleFinished() {
        if (gcWaiters.isEmpty()) {
            return;
        }
        heap.finishSweep();
        for (Goroutine w : gcWaiters) {
            if (w.status == GStatus.WAITING) {
                ready(w);
            }
        }
        gcWaiters.clear();
    }

    /**
     * Brackets one instruction of the program that may allocate several objects before it stores
     * them (a library call): until {@link #endInstruction}, what {@code g} allocates is a root.
     */
    public void beginInstruction(Goroutine g) {
        g.pinning = true;
    }

    public void endInstruction(Goroutine g) {
        g.pinning = false;
        g.npins = 0;
    }

    /** Adds a runtime-held root (an object a sync.Pool holds, reached through allPools). */
    public void addRoot(long addr) {
        if (addr != 0) {
            runtimeRoots.add(addr);
        }
    }

    /** Removes one runtime-held root added with {@link #addRoot}. */
    public void removeRoot(long addr) {
        runtimeRoots.remove(Long.valueOf(addr));
    }

    /** Registers work done at every cycle's sweep termination, with the world stopped ({@code clearpools}). */
    public void onSweepTermination(Runnable r) {
        sweepTerminationHooks.add(r);
    }

    void runSweepTerminationHooks() {
        pools.cleanup();
        for (Runnable r : sweepTerminationHooks) {
            r.run();
        }
    }

    /**
     * A {@code sync.Pool}'s {@code Get} or {@code Put}: the pool's per-P array, made (and the
     * pool registered in {@code allPools}) when it has none since the last GC ({@link SyncPools}).
     */
    public void poolPin(Goroutine g, Object pool) {
        guard(() -> {
            run(g);
            pools.pin(g, pool);
            return null;
        });
    }

    /** fmt formats with a printer from its pool ({@code newPrinter}), allocating one if it is empty. */
    public void fmtPrinter(Goroutine g) {
        guard(() -> {
            run(g);
            pools.fmtPrinter(g);
            return null;
        });
    }

    /** {@code viz.GCStart()}: begin a cycle and stop after the world restarts for marking. */
    public void gcStart() {
        guard(() -> {
            gc.gcStart("viz.GCStart", false);
            return null;
        });
    }

    /** {@code viz.GCStep(n)}: n units of mark work (root jobs or objects scanned). */
    public void gcStep(int units) {
        guard(() -> {
            gc.step(units, 0);
            return null;
        });
    }

    /** {@code viz.GCFinish()}: finish marking, mark termination, and the sweep. */
    public void gcFinish() {
        guard(() -> {
            gc.finishMark();
            heap.finishSweep();
            return null;
        });
    }

    /**
     * {@code debug.SetGCPercent}: returns the old value; -1 is off. The pacer recomputes the
     * goal and trigger at once ({@code gcControllerCommit}); turning the GC off waits for a
     * cycle in progress to finish marking.
     */
    public int setGCPercent(int percent) {
        int old = gc.pacer.gcPercent;
        gc.pacer.setGCPercent(percent);
        gcControllerCommit();
        sink.emit(new ProgramEvent.SettingChanged("debug.SetGCPercent", Integer.toString(old), Integer.toString(percent)));
        if (percent < 0) {
            gc.finishMark(); // gcWaitOnMark
        }
        return old;
    }

    /** {@code debug.SetMemoryLimit}: returns the old limit; a negative limit only reads it. */
    public long setMemoryLimit(long limit) {
        long old = gc.pacer.memoryLimit;
        if (limit < 0 || limit == old) {
            return old; // "A negative input does not adjust the limit": a way to read it
        }
        gc.pacer.memoryLimit = limit;
        gcControllerCommit();
        sink.emit(new ProgramEvent.SettingChanged("debug.SetMemoryLimit", Long.toString(old), Long.toString(limit)));
        return old;
    }

    /** {@code gcControllerCommit}: new goal and trigger; during mark, a new assist ratio. */
    private void gcControllerCommit() {
        gc.commit();
    }

    /** {@code debug.FreeOSMemory}: a forced GC, then every idle page back to the OS. */
    public void freeOSMemory() {
        runtimeGC();
        pages.scavengeAll();
    }

    /**
     * {@code viz.Barrier(mode)}: switches the write barrier between GC cycles (a lesson shows the
     * same program with Go's barrier and with none). With none, the reachability check that
     * reports lost objects is on.
     */
    public void setBarrier(BarrierMode mode) {
        guard(() -> {
            if (gcphase != GcPhase.OFF) {
                throw new IllegalStateException("the write barrier can only change between GC cycles");
            }
            BarrierMode old = gc.barrier.mode();
            gc.barrier.setMode(mode);
            gc.checkLostObjects = gc.checkLostObjects || mode == BarrierMode.NONE;
            sink.emit(new ProgramEvent.SettingChanged("write barrier", old.label(), mode.label()));
            return null;
        });
    }

    /**
     * The program uses the object at {@code addr}: if the sweeper freed it while it was still
     * reachable (no barrier), the run ends with "found pointer to free object".
     */
    public void use(Goroutine g, long addr) {
        guard(() -> {
            if (heap.findObject(addr) == null) {
                gc.checkLost(addr, 0);
                throw new IllegalStateException("0x" + Long.toHexString(addr) + " is not a heap object");
            }
            return null;
        });
    }

    /** Turns the reachability check at mark termination on (it is always on with no barrier). */
    public void setCheckLostObjects(boolean on) {
        gc.checkLostObjects = on || settings.barrier() == BarrierMode.NONE;
    }

    /** The heap object at {@code addr} (interior pointers allowed), or null. */
    public HeapObject object(long addr) {
        return heap.findObject(addr);
    }

    /** Black-to-white edges right now (the strong tri-colour invariant's violations). */
    public List<String> strongInvariantViolations() {
        return new TriColor(this, heap).strongViolations();
    }

    /** Pointers reachable from the roots that lead to no object (a lost object leaves these). */
    public int danglingPointers() {
        return new TriColor(this, heap).danglingPointers();
    }

    /** Reachable objects that are white right now. */
    public List<HeapObject> reachableWhite() {
        return new TriColor(this, heap).reachableWhite();
    }

    public int numGC() {
        return gc.numgc;
    }

    /** The heap goal now ({@code heapGoal}, MemStats.NextGC). */
    public long heapGoal() {
        return gc.heapGoal();
    }

    /**
     * {@code runtime.GOMAXPROCS(n)} by goroutine {@code g}: returns the old value; {@code n <= 0}
     * only reads it. The world is stopped once any cycle in progress has finished marking
     * ({@code stopTheWorldGC}), then {@code procresize} makes or destroys Ps ({@link Procs#resize},
     * timers move with them); the caller keeps its P if it survives, else takes P 0. An idle P is
     * woken afterwards in case work is queued. The mark workers for new Ps start with the next cycle.
     */
    public int gomaxprocs(Goroutine g, int n) {
        return guard(() -> {
            int old = procs.ps.length;
            if (n <= 0 || n == old) {
                return old;
            }
            run(g);
            gc.finishMark();
            int to = g.p < n ? g.p : 0;
            timers.procresize(n, to, g);
            List<Goroutine> preempted = new ArrayList<>();
            procs.resize(n, g, sched, stackAlloc, preempted);
            for (Goroutine x : preempted) {
                sched.setStatus(x, GStatus.RUNNABLE, WaitReason.NONE);
            }
            sched.movedFrom(n, to);
            pStructs = Math.max(pStructs, n); // new(p) for each new P; allp keeps them all
            curP = g.p;
            cpuTime.restart(procs.ps[curP]);
            sink.emit(new ProgramEvent.SettingChanged("GOMAXPROCS", Integer.toString(old), Integer.toString(n)));
            wakep();
            return old;
        });
    }

    /** GOMAXPROCS now: the number of Ps. */
    public int gomaxprocs() {
        return procs.ps.length;
    }

    /** Total allocated stack of live goroutines: 1.19's {@code maxStackScan}. */
    long scannableStack() {
        long t = 0;
        for (Goroutine g : sched.allgs()) {
            if (!g.isDead()) {
                t += g.stackSize();
            }
        }
        return t;
    }

    /** Program output. */
    public void print(Goroutine g, String text) {
        sink.emit(new ProgramEvent.Output(g.id, text, false));
    }

    /** {@code g} moved on to source line {@code line} from {@code old} (line events are optional). */
    public void line(Goroutine g, int line, int old) {
        sink.emit(new ProgramEvent.Line(g.id, line, old));
    }

    /** Program output on stdout or ({@code println}, panics) stderr. */
    public void print(Goroutine g, String text, boolean toStderr) {
        sink.emit(new ProgramEvent.Output(g.id, text, toStderr));
    }

    void stderr(String line) {
        sink.emit(new ProgramEvent.Output(0, line + "\n", true));
    }

    /**
     * {@code runtime.Gosched}, or a preemption: if another goroutine is waiting to run, this one
     * goes to the global run queue and the caller must {@link #schedule()}; returns whether it did.
     */
    public boolean gosched(Goroutine g) {
        return guard(() -> {
            acting(g);
            timers.runDue(curP); // checkTimers at the scheduling point
            if (!procs.anyRunnable()) {
                return false;
            }
            run(g);
            procs.stopped(procs.ps[g.p]);
            sched.setStatus(g, GStatus.RUNNABLE, WaitReason.NONE);
            procs.globalRunq.addLast(g);
            return true;
        });
    }

    /** {@code viz.Say}: lesson narration. */
    public void say(String text) {
        sink.emit(new ProgramEvent.Narration(text));
    }

    /** {@code viz.Pause}: a breakpoint placed by the lesson. */
    public void pause(String why) {
        sink.emit(new ProgramEvent.Paused(why));
    }


    /** {@code debug.SetMaxStack}: returns the previous limit; only future growth is limited. */
    public long setMaxStack(long n) {
        long old = stacks.maxstacksize;
        stacks.maxstacksize = n;
        sink.emit(new ProgramEvent.SettingChanged("debug.SetMaxStack", Long.toString(old), Long.toString(n)));
        return old;
    }

    /**
     * Makes {@code g} the running goroutine on its P, entering its function if it has not yet: for
     * a driver that names the goroutine to run (tests, boot), rather than asking {@link #schedule}.
     */
    void run(Goroutine g) {
        if (died != null || exited) {
            throw new IllegalStateException("the program has already ended");
        }
        curP = g.p;
        switch (g.status) {
            case RUNNING, SYSCALL -> { }
            case RUNNABLE -> {
                P pp = procs.ps[g.p];
                if (pp.current != null && pp.current != g && pp.current.status == GStatus.RUNNING) {
                    sched.setStatus(pp.current, GStatus.RUNNABLE, WaitReason.NONE);
                    pp.runq.addLast(pp.current);
                }
                pp.runq.remove(g);
                if (pp.runnext == g) {
                    pp.runnext = null;
                }
                procs.globalRunq.remove(g);
                procs.acquire(pp);
                pp.current = g;
                pp.state = P.State.RUNNING;
                start(g);
            }
            default -> throw new IllegalStateException("goroutine " + g.id + " cannot run: it is "
                    + g.status.goName() + (g.status == GStatus.WAITING ? " [" + g.waitReason.text() + "]" : ""));
        }
    }

    /** {@code execute}: g is now running on its P, and enters its function if it has not yet. */
    private void start(Goroutine g) {
        if (g.status != GStatus.RUNNING) {
            sched.setStatus(g, GStatus.RUNNING, WaitReason.NONE);
            g.runs++;
        }
        if (g.pendingEntry != null) {
            FuncInfo fn = g.pendingEntry;
            g.pendingEntry = null;
            stacks.push(g, fn);
        }
    }

    /**
     * The virtual clock moves 5 ns per runtime operation. When k Ps run goroutines at once their
     * operations overlap in time, so each moves the clock 5/k ns: two Ps in parallel do twice
     * the work in the same time, not the same work in half of it.
     */
    private void tickClock() {
        overlap(5);
    }

    /** {@code ns} of one P's time, overlapping with the other running Ps': the clock moves ns/k. */
    private void overlap(long ns) {
        int k = Math.max(1, procs.running());
        clockOwed += ns;
        clock += clockOwed / k;
        clockOwed %= k;
    }

    /**
     * Work the running goroutine's P does for the program (allocating, assisting the GC) takes
     * {@code ns} of that P's CPU time, and moves the clock as {@link #tickClock} does.
     */
    void spend(long ns) {
        charge(ns);
        overlap(ns);
    }

    /** The goroutine doing an operation is running on its P: that P's M does the operation. */
    private void acting(Goroutine g) {
        if (g != null) {
            curP = g.p;
        }
    }

    /** Connects the interpreter: each instruction it runs is a nanosecond of its P's CPU time. */
    public void setCpu(Cpu cpu) {
        cpuTime.cpu = cpu;
    }

    /**
     * Starts the slice of the goroutine {@link #schedule} returned: its P runs until its clock
     * passes the next P's, plus a seeded slice; without another busy P it runs until it stops.
     */
    public void beginSlice() {
        cpuTime.begin(procs.ps[curP], procs.slice(procs.ps[curP]));
    }

    /** The slice is over: its P's clock takes the instructions it ran. */
    public void endSlice() {
        cpuTime.end();
    }

    /** {@code wakep} from the current P; the running slice ends when the woken M starts. */
    private void wakep() {
        procs.wakep(cpuTime.now(procs.ps[curP]));
        cpuTime.fit();
    }

    /** Runtime work done by the current P takes {@code ns} of its CPU time. */
    private void charge(long ns) {
        cpuTime.charge(procs.ps[curP], ns);
    }

    /**
     * Runs an operation; a runtime failure is recorded, emitted and rethrown. After each
     * operation the clock moves on and the runtime's background work gets its share: mark
     * workers while marking, the background sweeper afterwards.
     */
    <T> T guard(java.util.function.Supplier<T> op) {
        try {
            T t = op.get();
            if (died == null && !exited) {
                tickClock();
                gc.workers.tick();
                if (gcphase == GcPhase.OFF && settings.backgroundMark() && !heap.sweepDone()) {
                    heap.sweepOne(0);
                }
            }
            return t;
        } catch (GoFatal f) {
            if (died == null) {
                died = f;
                sink.emit(new ProgramEvent.Fatal(f.reason(), f.stderr(), f.exitStatus()));
            }
            throw f;
        }
    }
}
