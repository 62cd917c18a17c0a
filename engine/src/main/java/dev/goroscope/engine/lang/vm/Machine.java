package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.runtime.GoFatal;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs compiled Go on the simulated runtime. Each goroutine is a {@link Thread} whose Go frames
 * form a linked list on the Java heap, never on the JVM stack, so a 500,000-deep Go recursion is
 * just 500,000 small objects. Every Go call and return is mirrored into {@link GoRuntime}, whose
 * prologue check grows (or overflows) the simulated stack exactly as the real runtime would.
 *
 * <p>{@link GoRuntime#schedule()} says which P moves next and its goroutine; that goroutine runs
 * until it blocks, exits, uses up its quantum at a call or a backward jump (modelling
 * preemption), or its P's slice ends because another P is due: with several Ps the goroutines
 * run side by side, a slice each in turn ({@link GoRuntime#beginSlice()}). The program ends when
 * {@code main.main} returns, or on a fatal error or an unrecovered panic, with Go's output on
 * stderr and exit status 2.
 */
public final class Machine {
    /** The exit status of a run stopped by {@link #cancel()} (as a shell reports Ctrl-C). */
    public static final int STOPPED = 130;

    /** Calls and backward jumps a goroutine makes before it may be preempted. */
    static final int QUANTUM = 20_000;

    /** What {@link #execute} ended with. */
    private static final int FINISHED = 0;
    private static final int PAUSED = 1;
    private static final int SLICED = 2;

    /** One Go activation on the interpreter's own stack. */
    static final class Frame {
        final Code code;
        final long[] i;
        final Object[] r;
        final Frame caller;
        int pc;
        /** Where the caller wants results; -1 when a native invoked this frame (Thread.invoke). */
        int resI;
        int resR;
        /** What a native running in this frame keeps while Go code it invoked runs. */
        Object nativeState;
        /** A native invoked this frame and recovers a panic that leaves it (fmt's catchPanic). */
        boolean catches;

        Frame(Code code, Frame caller) {
            this.code = code;
            this.i = code.nint() == 0 ? NO_INTS : new long[code.nint()];
            this.r = code.nref() == 0 ? NO_REFS : new Object[code.nref()];
            this.caller = caller;
        }

        private static final long[] NO_INTS = new long[0];
        private static final Object[] NO_REFS = new Object[0];
    }

    /** A goroutine's interpreter state. */
    public static final class Thread {
        final Goroutine g;
        Machine machine;
        Frame top;
        /** A native call that blocked, or invoked Go code, and must be resumed. */
        boolean inNative;
        /** The source line of its last line event (0: none yet). */
        int line;
        /** What is left of its quantum, and the time slice it belongs to ({@link Goroutine#runs()}). */
        int quantum;
        int quantumOf = -1;
        /** Its deferred calls and panics ({@link Defers}); null until it defers or panics. */
        Defers.G defers;
        /** For tracebacks: the function whose {@code go} statement started it, and where. */
        String createdBy;
        String createdAt;
        /** The Go function a native asked to run, with its arguments. */
        private Code invokeCode;
        private long[] invokeI;
        private Object[] invokeR;
        private boolean invokeCatches;
        /** The results of the function a native invoked, or its panic, for the native when it resumes. */
        private long[] retI;
        private Object[] retR;
        private GoPanic retPanic;

        Thread(Goroutine g) {
            this.g = g;
        }

        /**
         * Asks the machine to run {@code code} with these arguments (each file's registers from
         * the first) before the native that asks is resumed; the native then returns
         * {@link Native.Result#CALL}.
         */
        public void invoke(Code code, long[] argI, Object[] argR, boolean catchPanics) {
            invokeCode = code;
            invokeI = argI;
            invokeR = argR;
            invokeCatches = catchPanics;
        }

        /** The panic that ended the function the resumed native invoked (catching panics), or null. */
        public GoPanic returnedPanic() {
            return retPanic;
        }

        /** The scalar results of the function the resumed native invoked. */
        public long[] returnedInts() {
            return retI;
        }

        /** The reference results of the function the resumed native invoked. */
        public Object[] returnedRefs() {
            return retR;
        }

        /** The running native's saved state (null unless it set one and invoked Go code). */
        public Object nativeState() {
            return top.nativeState;
        }

        public void setNativeState(Object s) {
            top.nativeState = s;
        }

        /** The frame of the function a native asked for, called from {@code caller}. */
        Frame invoked(Frame caller) {
            Frame f = new Frame(invokeCode, caller);
            f.catches = invokeCatches;
            System.arraycopy(invokeI, 0, f.i, 0, invokeI.length);
            System.arraycopy(invokeR, 0, f.r, 0, invokeR.length);
            invokeCode = null;
            invokeI = null;
            invokeR = null;
            return f;
        }

        /** A frame a native invoked returns: keep its results and resume the native. */
        void returned(Code c, long[] i, Object[] r, int fromI, int fromR) {
            retI = java.util.Arrays.copyOfRange(i, fromI, fromI + c.resultInts());
            retR = java.util.Arrays.copyOfRange(r, fromR, fromR + c.resultRefs());
            retPanic = null;
            inNative = true;
        }

        /**
         * A panic has run the deferred calls of every frame down to {@code boundary}, a frame a
         * native invoked and that recovers panics (fmt around a String method, as fmt's
         * {@code catchPanic} does in a deferred call): the native resumes with the panic.
         */
        void resumeNativeWithPanic(GoPanic p) {
            retI = null;
            retR = null;
            retPanic = p;
            inNative = true;
        }

        public Goroutine goroutine() {
            return g;
        }

        /** The machine running this goroutine: its runtime and output streams. */
        public Machine machine() {
            return machine;
        }
    }

    final GoRuntime rt;
    final PrintStream out;
    final PrintStream err;
    /** Each live goroutine's thread, by goroutine id (ids are dense: 1, 2, 3, ...). */
    private Thread[] threads = new Thread[64];
    private final String fileName;
    /** The goroutine whose slice is running (the one a panic or fatal error happens in). */
    private Thread running;
    private long steps;
    /** Package-level variables: scalars and references. */
    private long[] gi = new long[0];
    private Object[] gr = new Object[0];
    private final long maxSteps;
    /** The step count at which the loop next looks at the step limit, cancellation and the slice. */
    private long checkAt;
    /** The last step of the running slice. */
    private long sliceEnd = Long.MAX_VALUE;
    private volatile boolean cancelled;
    /** Line events still to emit; 0: none (the command line), see {@link #emitLineEvents}. */
    private long lineBudget;
    /** The P's and the scheduler's pools of heap defer records. */
    final DeferPool deferPool = new DeferPool();

    public Machine(GoRuntime rt, PrintStream out, PrintStream err, String fileName, long maxSteps) {
        this.rt = rt;
        this.out = out;
        this.err = err;
        this.fileName = fileName;
        this.maxSteps = maxSteps;
        rt.setCpu(new dev.goroscope.engine.runtime.Cpu() {
            @Override
            public long instructions() {
                return steps;
            }

            @Override
            public void endSliceAt(long n) {
                sliceEnd = n;
                nextCheck();
            }
        });
        nextCheck();
    }

    /** The next step count worth a look: the step limit, the next cancellation check, the slice's end. */
    private void nextCheck() {
        long limit = maxSteps == Long.MAX_VALUE ? Long.MAX_VALUE : maxSteps + 1;
        checkAt = Math.min(Math.min(limit, (steps | 0x3FFF) + 1), sliceEnd == Long.MAX_VALUE ? sliceEnd : sliceEnd + 1);
    }

    public GoRuntime runtime() {
        return rt;
    }

    /** Program output (stdout). */
    public PrintStream out() {
        return out;
    }

    /** Runtime and {@code println} output (stderr). */
    public PrintStream err() {
        return err;
    }

    /**
     * Program output from goroutine {@code t}: to the stream, and into the timeline as an output
     * event (the app shows output as of the step being viewed).
     */
    public void print(Thread t, String text, boolean toStderr) {
        if (toStderr) {
            out.flush();
            err.print(text);
            err.flush();
        } else {
            out.print(text);
        }
        rt.print(t.g, text, toStderr);
    }

    /**
     * Asks for a line event each time a goroutine moves to another source line, up to
     * {@code budget} of them (a long loop makes one per statement; past the budget the run goes on
     * without them). The app uses them to mark each goroutine's line and stop at breakpoints.
     */
    public void emitLineEvents(long budget) {
        lineBudget = budget;
    }

    /** Stops the run at the next check (every 16,384 instructions); {@link #run} then returns 130. */
    public void cancel() {
        cancelled = true;
    }

    /** The goroutines still running code, in id order. */
    java.util.Collection<Thread> threads() {
        List<Thread> live = new java.util.ArrayList<>();
        for (Thread t : threads) {
            if (t != null) {
                live.add(t);
            }
        }
        return live;
    }

    /** Sizes the package-level variable files (before {@link #run}). */
    public void globals(int ints, int refs) {
        gi = new long[ints];
        gr = new Object[refs];
    }

    /** Runs {@code main.main} to the end; returns the exit status. */
    public int run(Code mainMain) {
        return run(null, mainMain);
    }

    /**
     * Runs the package initialiser ({@code main.init}: global initial values) and then
     * {@code main.main}; returns the exit status.
     */
    public int run(Code init, Code mainMain) {
        Thread t = new Thread(rt.main());
        t.machine = this;
        register(t);
        try {
            if (init != null) {
                enter(t, init, null, 0, 0);
                t = runUntilMainReturns(t);
                t = thread(1);
            }
            enter(t, mainMain, null, 0, 0);
            t = runUntilMainReturns(t);
            rt.exitProgram();
            out.flush();
            return 0;
        } catch (GoFatal f) {
            out.flush();
            for (String line : f.stderr()) {
                err.println(line);
            }
            return f.exitStatus();
        } catch (Defers.Unrecovered u) {
            out.flush();
            List<String> lines = PanicTrace.fatalLines(this, running);
            rt.panicked(lines);
            for (String line : lines) {
                err.println(line);
            }
            return 2;
        } catch (StepLimit s) {
            out.flush();
            if (cancelled) {
                err.println("goroscope: stopped");
                return STOPPED;
            }
            err.println("goroscope: stopped after " + maxSteps + " steps (--max-steps)");
            return 3;
        }
    }

    /**
     * Runs the Ps' goroutines, a slice at a time, from {@code t} (main's, already running) until
     * main's outermost frame returns; returns main's thread. Panics and fatal errors propagate.
     */
    private Thread runUntilMainReturns(Thread t) {
        while (true) {
            int r;
            running = t;
            rt.beginSlice();
            try {
                r = execute(t);
            } finally {
                rt.endSlice();
                sliceEnd = Long.MAX_VALUE;
                nextCheck();
            }
            if (r == FINISHED && t.g.id() == 1 && !Defers.goexited(t)) {
                return t;
            }
            t = thread(rt.schedule().id());
        }
    }

    /** The source file's name, as tracebacks print it. */
    String fileName() {
        return fileName;
    }

    /** Thrown when the run exceeds its step budget. */
    static final class StepLimit extends RuntimeException {
        StepLimit() {
            super(null, null, false, false);
        }
    }

    private Thread thread(long id) {
        return threads[(int) id];
    }

    private void register(Thread t) {
        int id = (int) t.g.id();
        if (id >= threads.length) {
            threads = java.util.Arrays.copyOf(threads, Math.max(id + 1, threads.length * 2));
        }
        threads[id] = t;
    }

    /** A goroutine has exited: its interpreter state can go. */
    void forget(Thread t) {
        threads[(int) t.g.id()] = null;
    }

    /** Creates a thread for a new goroutine ({@code go fn(args)}). */
    public Thread spawn(Thread parent, Code fn, long[] argI, Object[] argR) {
        Goroutine g = rt.go(parent.g, fn.frame() != null ? fn.frame()
                : new dev.goroscope.engine.runtime.FuncInfo(fn.name(), 0, 0, true));
        Thread t = new Thread(g);
        t.machine = this;
        Frame at = parent.top;
        if (at != null) {
            t.createdBy = at.code.name();
            t.createdAt = java.nio.file.Path.of(fileName).toAbsolutePath().normalize() + ":" + at.code.lineAt(at.pc)
                    + " +0x" + Integer.toHexString(at.pc);
        }
        Frame f = new Frame(fn, null);
        System.arraycopy(argI, 0, f.i, 0, argI.length);
        System.arraycopy(argR, 0, f.r, 0, argR.length);
        t.top = f;
        register(t);
        return t;
    }

    /**
     * A goroutine started by a firing timer ({@code time.AfterFunc}'s {@code goFunc}): it runs
     * {@code fn} with {@code refs} in its first reference registers.
     */
    public void spawnFromTimer(Code fn, Object[] refs) {
        Goroutine g = rt.goFromTimer(fn.frame() != null ? fn.frame()
                : new dev.goroscope.engine.runtime.FuncInfo(fn.name(), 0, 0, true));
        Thread t = new Thread(g);
        t.machine = this;
        t.createdBy = "time.goFunc"; // the go statement in Go 1.19's time/sleep.go that runs f
        t.createdAt = Traceback.GOROOT + "/src/time/sleep.go:176 +0x32";
        Frame f = new Frame(fn, null);
        System.arraycopy(refs, 0, f.r, 0, refs.length);
        t.top = f;
        register(t);
    }

    /** A Go call: push the frame here and on the simulated stack (the prologue may grow it). */
    private void enter(Thread t, Code c, Frame caller, int resI, int resR) {
        push(t, new Frame(c, caller), resI, resR);
    }

    /**
     * Runs {@code t} until its outermost frame returns (FINISHED), it blocks, exits or is
     * preempted (PAUSED), or its P's slice ends (SLICED). Its quantum lasts across slices and is
     * renewed each time the scheduler starts it anew.
     */
    private int execute(Thread t) {
        Frame f = t.top;
        if (f == null) {
            return FINISHED;
        }
        if (t.quantumOf != t.g.runs()) {
            t.quantumOf = t.g.runs();
            t.quantum = QUANTUM;
        }
        while (true) {
            try {
                return loop(t, f, f.code.ops(), f.i, f.r, f.pc, t.quantum);
            } catch (GoPanic p) {
                f = Defers.panic(this, t, p);
                t.quantum = QUANTUM;
            } catch (Defers.GoexitSignal g) {
                f = Defers.goexit(this, t);
                t.quantum = QUANTUM;
            }
        }
    }

    /**
     * The dispatch loop; {@code f.pc} is kept current so a panic can report the line. The quantum
     * left ({@code budget}) is saved in the thread whenever the loop stops.
     */
    private int loop(Thread t, Frame f, int[] ops, long[] i, Object[] r, int pc, int budget) {
        while (true) {
            f.pc = pc;
            if (lineBudget > 0) {
                int ln = f.code.lineAt(pc);
                if (ln != t.line && ln != 0) {
                    rt.line(t.g, ln, t.line);
                    t.line = ln;
                    lineBudget--;
                }
            }
            if (++steps >= checkAt) {
                if (steps > maxSteps || (steps & 0x3FFF) == 0 && cancelled) {
                    throw new StepLimit();
                }
                if (steps > sliceEnd) {
                    steps--; // the instruction at pc runs in the goroutine's next slice
                    t.top = f;
                    t.quantum = budget;
                    return SLICED;
                }
                nextCheck();
            }
            int op = ops[pc];
            switch (op) {
                case Op.MOVI -> { i[ops[pc + 1]] = i[ops[pc + 2]]; pc += 3; }
                case Op.MOVR -> { r[ops[pc + 1]] = r[ops[pc + 2]]; pc += 3; }
                case Op.LDI -> { i[ops[pc + 1]] = (Long) f.code.consts()[ops[pc + 2]]; pc += 3; }
                case Op.LDR -> { r[ops[pc + 1]] = f.code.consts()[ops[pc + 2]]; pc += 3; }
                case Op.ADD -> { i[ops[pc + 1]] = i[ops[pc + 2]] + i[ops[pc + 3]]; pc += 4; }
                case Op.SUB -> { i[ops[pc + 1]] = i[ops[pc + 2]] - i[ops[pc + 3]]; pc += 4; }
                case Op.MUL -> { i[ops[pc + 1]] = i[ops[pc + 2]] * i[ops[pc + 3]]; pc += 4; }
                case Op.DIV, Op.REM, Op.DIVU, Op.REMU -> { i[ops[pc + 1]] = Arith.div(op, i[ops[pc + 2]], i[ops[pc + 3]]); pc += 4; }
                case Op.AND -> { i[ops[pc + 1]] = i[ops[pc + 2]] & i[ops[pc + 3]]; pc += 4; }
                case Op.OR -> { i[ops[pc + 1]] = i[ops[pc + 2]] | i[ops[pc + 3]]; pc += 4; }
                case Op.XOR -> { i[ops[pc + 1]] = i[ops[pc + 2]] ^ i[ops[pc + 3]]; pc += 4; }
                case Op.ANDNOT -> { i[ops[pc + 1]] = i[ops[pc + 2]] & ~i[ops[pc + 3]]; pc += 4; }
                case Op.SHL, Op.SHR, Op.SHRU -> { i[ops[pc + 1]] = Arith.shift(op, i[ops[pc + 2]], i[ops[pc + 3]]); pc += 4; }
                case Op.NEG -> { i[ops[pc + 1]] = -i[ops[pc + 2]]; pc += 3; }
                case Op.NOT -> { i[ops[pc + 1]] = i[ops[pc + 2]] == 0 ? 1 : 0; pc += 3; }
                case Op.COMPL -> { i[ops[pc + 1]] = ~i[ops[pc + 2]]; pc += 3; }
                case Op.WRAP -> { i[ops[pc + 1]] = Arith.wrap(i[ops[pc + 2]], ops[pc + 3]); pc += 4; }
                case Op.ADDK -> { i[ops[pc + 1]] = i[ops[pc + 2]] + ops[pc + 3]; pc += 4; }
                case Op.EQ -> { i[ops[pc + 1]] = i[ops[pc + 2]] == i[ops[pc + 3]] ? 1 : 0; pc += 4; }
                case Op.NE -> { i[ops[pc + 1]] = i[ops[pc + 2]] != i[ops[pc + 3]] ? 1 : 0; pc += 4; }
                case Op.LT -> { i[ops[pc + 1]] = i[ops[pc + 2]] < i[ops[pc + 3]] ? 1 : 0; pc += 4; }
                case Op.LE -> { i[ops[pc + 1]] = i[ops[pc + 2]] <= i[ops[pc + 3]] ? 1 : 0; pc += 4; }
                case Op.LTU -> { i[ops[pc + 1]] = Long.compareUnsigned(i[ops[pc + 2]], i[ops[pc + 3]]) < 0 ? 1 : 0; pc += 4; }
                case Op.LEU -> { i[ops[pc + 1]] = Long.compareUnsigned(i[ops[pc + 2]], i[ops[pc + 3]]) <= 0 ? 1 : 0; pc += 4; }
                case Op.JMP -> {
                    int target = ops[pc + 1];
                    if (target <= pc && --budget <= 0 && preempt(t, f, target)) {
                        return PAUSED;
                    }
                    pc = target;
                }
                case Op.JT -> pc = i[ops[pc + 1]] != 0 ? ops[pc + 2] : pc + 3;
                case Op.JF -> pc = i[ops[pc + 1]] == 0 ? ops[pc + 2] : pc + 3;
                case Op.CALL -> {
                    Code c = (Code) f.code.consts()[ops[pc + 1]];
                    f.pc = pc + 6;
                    Frame callee = new Frame(c, f);
                    System.arraycopy(i, ops[pc + 2], callee.i, 0, c.paramInts());
                    System.arraycopy(r, ops[pc + 3], callee.r, 0, c.paramRefs());
                    f = push(t, callee, ops[pc + 4], ops[pc + 5]);
                    ops = c.ops();
                    i = f.i;
                    r = f.r;
                    pc = 0;
                    if (--budget <= 0 && preempt(t, f, 0)) {
                        return PAUSED;
                    }
                }
                case Op.RET -> {
                    Frame caller = f.caller;
                    if (f.code.frame() != null) {
                        rt.ret(t.g);
                    }
                    if (caller == null) {
                        t.top = null;
                        if (t.g.id() != 1) {
                            rt.exit(t.g);
                            forget(t);
                        }
                        return FINISHED;
                    }
                    if (f.resI < 0) {
                        t.returned(f.code, i, r, ops[pc + 1], ops[pc + 2]); // back to the native that invoked f
                    } else {
                        System.arraycopy(i, ops[pc + 1], caller.i, f.resI, f.code.resultInts());
                        System.arraycopy(r, ops[pc + 2], caller.r, f.resR, f.code.resultRefs());
                    }
                    t.top = caller;
                    f = caller;
                    ops = f.code.ops();
                    i = f.i;
                    r = f.r;
                    pc = f.pc;
                }
                case Op.NATIVE -> {
                    Native n = (Native) f.code.consts()[ops[pc + 1]];
                    f.pc = pc;
                    Native.Result res;
                    rt.beginInstruction(t.g);
                    try {
                        res = n.call(t, i, r, ops[pc + 2], ops[pc + 3], ops[pc + 4], ops[pc + 5], t.inNative);
                    } finally {
                        rt.endInstruction(t.g);
                    }
                    if (res == Native.Result.BLOCKED) {
                        t.inNative = true;
                        t.quantum = budget;
                        return PAUSED;
                    }
                    t.inNative = false;
                    if (res == Native.Result.CALL) {
                        // Go code the native needs runs first; its RET comes back to this NATIVE.
                        f = push(t, t.invoked(f), -1, -1);
                        ops = f.code.ops();
                        i = f.i;
                        r = f.r;
                        pc = 0;
                    } else if (t.top != f) {
                        t.quantum = budget;
                        return PAUSED; // the native exited the goroutine (runtime.Goexit) or switched frames
                    } else {
                        pc += 6;
                    }
                }
                case Op.CALLI -> {
                    Frame callee = MethodTable.enter(t, f, ops, pc, i, r);
                    if (callee == null) {
                        pc += 6; // a library method, run in Java
                    } else {
                        f.pc = pc + 6;
                        f = push(t, callee, ops[pc + 4], ops[pc + 5]);
                        ops = f.code.ops();
                        i = f.i;
                        r = f.r;
                        pc = 0;
                    }
                }
                case Op.CALLV -> {
                    Values.FuncV fv = (Values.FuncV) r[ops[pc + 1]];
                    if (fv == null) {
                        throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
                    }
                    Code c = (Code) fv.code();
                    f.pc = pc + 6;
                    Frame callee = new Frame(c, f);
                    Object[] cap = fv.captured();
                    int declared = c.paramRefs() - cap.length;
                    System.arraycopy(i, ops[pc + 2], callee.i, 0, c.paramInts());
                    System.arraycopy(r, ops[pc + 3], callee.r, 0, declared);
                    System.arraycopy(cap, 0, callee.r, declared, cap.length);
                    f = push(t, callee, ops[pc + 4], ops[pc + 5]);
                    ops = c.ops();
                    i = f.i;
                    r = f.r;
                    pc = 0;
                }
                case Op.GOV -> {
                    Values.FuncV fv = (Values.FuncV) r[ops[pc + 1]];
                    if (fv == null) {
                        throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
                    }
                    Code c = (Code) fv.code();
                    Object[] cap = fv.captured();
                    int declared = c.paramRefs() - cap.length;
                    long[] ai = java.util.Arrays.copyOfRange(i, ops[pc + 2], ops[pc + 2] + c.paramInts());
                    Object[] ar = new Object[c.paramRefs()];
                    System.arraycopy(r, ops[pc + 3], ar, 0, declared);
                    System.arraycopy(cap, 0, ar, declared, cap.length);
                    spawn(t, c, ai, ar);
                    pc += 6;
                }
                case Op.GO -> {
                    Code c = (Code) f.code.consts()[ops[pc + 1]];
                    long[] ai = java.util.Arrays.copyOfRange(i, ops[pc + 2], ops[pc + 2] + c.paramInts());
                    Object[] ar = java.util.Arrays.copyOfRange(r, ops[pc + 3], ops[pc + 3] + c.paramRefs());
                    spawn(t, c, ai, ar);
                    pc += 6;
                }
                case Op.PANIC -> throw new GoPanic(String.valueOf(r[ops[pc + 1]]), r[ops[pc + 1]], false);
                case Op.DEFERRETURN, Op.DEFERLOOP -> {
                    f = Defers.step(this, t, f, pc);
                    if (f == null) {
                        return FINISHED; // runtime.Goexit ended the goroutine
                    }
                    ops = f.code.ops();
                    i = f.i;
                    r = f.r;
                    pc = f.pc;
                }
                case Op.NEWARR -> { r[ops[pc + 1]] = new ScalarArray(ops[pc + 3]); pc += 4; }
                case Op.ALOAD -> {
                    ScalarArray a = (ScalarArray) r[ops[pc + 2]];
                    i[ops[pc + 1]] = a.get(Arith.index(i[ops[pc + 3]], a.len()));
                    pc += 4;
                }
                case Op.ASTORE -> {
                    ScalarArray a = (ScalarArray) r[ops[pc + 1]];
                    a.set(Arith.index(i[ops[pc + 2]], a.len()), i[ops[pc + 3]]);
                    pc += 4;
                }
                case Op.ALEN -> { i[ops[pc + 1]] = ((ScalarArray) r[ops[pc + 2]]).len(); pc += 3; }
                case Op.ACOPY -> { r[ops[pc + 1]] = ValueCopy.of(r[ops[pc + 2]]); pc += 3; }
                case Op.GLDI -> { i[ops[pc + 1]] = gi[ops[pc + 2]]; pc += 3; }
                case Op.GSTI -> { gi[ops[pc + 1]] = i[ops[pc + 2]]; pc += 3; }
                case Op.GLDR -> { r[ops[pc + 1]] = gr[ops[pc + 2]]; pc += 3; }
                case Op.GSTR -> { gr[ops[pc + 1]] = r[ops[pc + 2]]; pc += 3; }
                default -> pc = Arith.other(op, ops, pc, i, r);
            }
        }
    }

    /**
     * Makes {@code callee} the running frame: results will go to the caller's registers from
     * {@code resI}/{@code resR}, and the simulated stack gets the callee's frame (the prologue
     * may grow it or overflow); an inlined function (no frame) pushes nothing.
     */
    Frame push(Thread t, Frame callee, int resI, int resR) {
        callee.resI = resI;
        callee.resR = resR;
        if (callee.code.frame() != null) {
            rt.call(t.g, callee.code.frame());
        }
        t.top = callee;
        return callee;
    }

    /**
     * At a preemption point: if another goroutine can run, this one yields (its state is saved);
     * otherwise it gets a fresh quantum.
     */
    private boolean preempt(Thread t, Frame f, int pc) {
        f.pc = pc;
        t.top = f;
        return rt.gosched(t.g);
    }
}
