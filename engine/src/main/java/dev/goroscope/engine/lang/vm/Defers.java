package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.Machine.Frame;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoFatal;
import java.util.IdentityHashMap;

/**
 * {@code defer}, {@code panic}, {@code recover} and {@code runtime.Goexit} on the interpreter's
 * frames, following runtime/panic.go (Go 1.19).
 *
 * <p>A defer statement hangs a record ({@code _defer}) on the frame that ran it. A function
 * with defers ends every return with {@code DEFERRETURN}: open-coded functions call their
 * deferred calls directly from their own frame; the others call {@code runtime.deferreturn},
 * whose frame calls them. Either way each deferred call is an ordinary call, so it pushes its
 * frames on the simulated stack and may grow it.
 *
 * <p>A panic never pops frames while it runs deferred calls, exactly as {@code gopanic} does not:
 * it pushes a {@code gopanic} frame on top of the panicking one and runs the pending deferred
 * calls from there, innermost frame first, each on top of it. Only a recovery unwinds: the
 * stack is cut back to the frame whose deferred call recovered, which then runs its remaining
 * deferred calls and returns normally with its results as they are ({@code recovery}). A panic
 * raised inside a deferred call walks down through the earlier panic's frames and aborts it;
 * the earlier panic stays on the goroutine's list and is printed before the new one.
 *
 * <p>Heap defer records (defers in loops) come from {@link DeferPool}; an unrecovered panic is
 * printed by {@link PanicTrace}.
 */
public final class Defers {
    private Defers() {}

    /**
     * Frames of runtime functions the model pushes, with their Go 1.19 amd64 frame sizes
     * (read from the {@code SUBQ $n, SP} of their prologues with {@code go tool objdump}).
     */
    static final Code GOPANIC = runtimeCode("panic", "runtime.gopanic", 184);
    static final Code DEFERRETURN = runtimeCode("runtime.deferreturn", "runtime.deferreturn", 56);
    static final Code GOEXIT = runtimeCode("runtime.Goexit", "runtime.Goexit", 120);

    private static Code runtimeCode(String name, String symbol, long frame) {
        return new Code(name, FuncInfo.of(symbol, frame), 0, 0, new int[] {Op.DEFERLOOP, 0}, new Object[0],
                new int[2], 0, 0, 0, 0);
    }

    /** Where a defer statement keeps its state (gc 1.19: ssagen/ssa.go, walk/stmt.go). */
    public enum Kind {
        /** At most 8 defers, none in a loop: the frame holds them; the function calls them itself. */
        OPEN_CODED,
        /** Not in a loop: a {@code _defer} record in the frame ({@code deferprocStack}). */
        STACK,
        /** In a loop: a heap {@code _defer} record ({@code deferproc}, {@code newdefer}). */
        HEAP
    }

    /** Where a function resumes after one of its deferred calls recovered: its exit sequence. */
    public static final class Exit {
        /** The pc of the function's first {@code DEFERRETURN}; -1 until the compiler emits it. */
        public int pc = -1;
    }

    /**
     * One compiled defer statement.
     *
     * @param wrapper the argument-less function to call with the saved operands, or null when the
     *                deferred function is itself a {@code func()} value (in the first saved ref)
     * @param gcWrapper whether gc makes the wrapper a WRAPPER function: {@code recover} then works
     *                in the function it calls, not in the wrapper itself
     */
    public record Site(Code wrapper, boolean gcWrapper, Kind kind, Exit exit) {}

    /** A deferred call, pending or running ({@code runtime._defer}). */
    static final class Rec {
        final Site site;
        final long[] ints;
        final Object[] refs;
        /** The heap {@code _defer} object, or 0. */
        final long record;
        Rec link;
        /** The frame that deferred it. */
        Frame owner;
        /** The deferred call's own frame while it runs. */
        Frame callFrame;
        /** The panic running it, or null (a normal return). */
        Panic panic;

        Rec(Site site, long[] ints, Object[] refs, long record) {
            this.site = site;
            this.ints = ints;
            this.refs = refs;
            this.record = record;
        }
    }

    /** An active panic or Goexit ({@code runtime._panic}). */
    static final class Panic {
        final GoPanic value;
        final Panic link;
        final boolean goexit;
        boolean recovered;
        boolean aborted;
        /** Its gopanic (or Goexit) frame. */
        Frame frame;
        /** The frame whose deferred calls it runs next. */
        Frame cursor;
        /** The deferred call it is running. */
        Rec running;
        /** The heap record {@code addOneOpenDeferFrame} takes for an open-coded frame, and that frame. */
        long openRecord;
        Frame openFrame;

        Panic(GoPanic value, Panic link, boolean goexit) {
            this.value = value;
            this.link = link;
            this.goexit = goexit;
        }
    }

    /** The defer state of one frame; only frames that take part have one. */
    static final class FrameState {
        /** Pending deferred calls, the most recent first. */
        Rec defers;
        /** The deferred call this frame is running (it called it, directly or from deferreturn). */
        Rec running;
        /** For the frame of a deferred call: its record. */
        Rec deferCall;
        /** For a gopanic or Goexit frame: its panic. */
        Panic panic;
    }

    /** A goroutine's defer state: {@code g._defer} spread over its frames, {@code g._panic}, {@code g.sig}. */
    static final class G {
        final IdentityHashMap<Frame, FrameState> frames = new IdentityHashMap<>(8);
        Panic panic;
        /** The panic whose value's method preprintpanics is running, or null. */
        Panic printing;
        boolean sig;
        boolean goexited;

        FrameState of(Frame f) {
            return frames.computeIfAbsent(f, k -> new FrameState());
        }
    }

    /** Thrown by {@code runtime.Goexit}; the machine then runs the goroutine's deferred calls. */
    public static final class GoexitSignal extends RuntimeException {
        GoexitSignal() {
            super(null, null, false, false);
        }
    }

    private static final GoexitSignal GOEXIT_SIGNAL = new GoexitSignal();

    /** {@code runtime.Goexit()}: a native throws this. */
    public static GoexitSignal goexitSignal() {
        return GOEXIT_SIGNAL;
    }

    /** A panic ran out of deferred calls: the program dies ({@code fatalpanic}). */
    static final class Unrecovered extends RuntimeException {
        Unrecovered() {
            super(null, null, false, false);
        }
    }

    private static G state(Machine.Thread t) {
        if (t.defers == null) {
            t.defers = new G();
        }
        return t.defers;
    }

    /** Whether the goroutine ended in {@code runtime.Goexit} (for the main goroutine: the program goes on). */
    static boolean goexited(Machine.Thread t) {
        return t.defers != null && t.defers.goexited;
    }

    // ---- defer statements ------------------------------------------------------------------

    /**
     * The running function defers a call: the operands were evaluated into {@code ints} and
     * {@code refs}; {@code record} is a heap record from {@link #newdefer}, or 0.
     */
    public static void defer(Machine.Thread t, Site site, long[] ints, Object[] refs, long record) {
        Rec d = new Rec(site, ints, refs, record);
        FrameState fs = state(t).of(t.top);
        d.owner = t.top;
        d.link = fs.defers;
        fs.defers = d;
    }

    /** {@code newdefer}: a heap record for a defer in a loop (see {@link DeferPool}). */
    public static long newdefer(Machine.Thread t) {
        return DeferPool.newdefer(t);
    }

    private static Rec pop(FrameState fs) {
        Rec d = fs.defers;
        fs.defers = d.link;
        d.link = null;
        return d;
    }

    /** A deferred call is over (returned, or abandoned by a panic): free its record. */
    private static void finish(Machine.Thread t, Rec d) {
        if (d.record != 0) {
            DeferPool.freedefer(t, d.record);
        }
        if (d.callFrame != null) {
            t.defers.frames.remove(d.callFrame);
            d.callFrame = null;
        }
    }

    /** Calls deferred call {@code d} from frame {@code runner}, for panic {@code p} (null: a return). */
    private static Frame call(Machine m, Machine.Thread t, Frame runner, Rec d, Panic p) {
        d.panic = p;
        Frame callee;
        if (d.site.wrapper() != null) {
            callee = new Frame(d.site.wrapper(), runner);
            System.arraycopy(d.ints, 0, callee.i, 0, d.ints.length);
            System.arraycopy(d.refs, 0, callee.r, 0, d.refs.length);
        } else {
            Values.FuncV fv = (Values.FuncV) d.refs[0];
            if (fv == null) {
                throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
            }
            Code c = (Code) fv.code();
            callee = new Frame(c, runner);
            Object[] cap = fv.captured();
            System.arraycopy(cap, 0, callee.r, c.paramRefs() - cap.length, cap.length);
        }
        state(t).of(callee).deferCall = d;
        d.callFrame = callee;
        return m.push(t, callee, 0, 0);
    }

    // ---- returns ---------------------------------------------------------------------------

    /**
     * {@code DEFERRETURN} in a function, or the next step of a runtime frame's loop (deferreturn,
     * gopanic, Goexit). Returns the frame to run next with its pc set, or null when the goroutine
     * ended ({@code Goexit}).
     */
    static Frame step(Machine m, Machine.Thread t, Frame f, int pc) {
        if (f.code == GOPANIC || f.code == GOEXIT) {
            return panicLoop(m, t, f);
        }
        if (f.code == DEFERRETURN) {
            return deferreturnLoop(m, t, f);
        }
        G st = t.defers;
        FrameState fs = st == null ? null : st.frames.get(f);
        if (fs != null && fs.running != null) {
            finish(t, fs.running); // an open-coded deferred call returned
            fs.running = null;
        }
        if (fs == null || fs.defers == null) {
            if (fs != null && fs.deferCall == null) {
                st.frames.remove(f);
            }
            f.pc = pc + 2;
            return f;
        }
        f.pc = pc;
        if (fs.defers.site.kind() == Kind.OPEN_CODED) {
            Rec d = pop(fs);
            fs.running = d;
            return call(m, t, f, d, null);
        }
        return m.push(t, new Frame(DEFERRETURN, f), 0, 0);
    }

    /** {@code runtime.deferreturn}: runs its caller's deferred calls, then returns to it. */
    private static Frame deferreturnLoop(Machine m, Machine.Thread t, Frame r) {
        G st = t.defers;
        FrameState rs = st.of(r);
        if (rs.running != null) {
            finish(t, rs.running);
            rs.running = null;
        }
        Frame owner = r.caller;
        FrameState os = st.frames.get(owner);
        if (os != null && os.defers != null) {
            Rec d = pop(os);
            rs.running = d;
            return call(m, t, r, d, null);
        }
        st.frames.remove(r);
        m.rt.ret(t.g);
        t.top = owner;
        return owner; // back at its DEFERRETURN, which now finds nothing left
    }

    // ---- panics ----------------------------------------------------------------------------

    /** {@code gopanic}: the panic starts running deferred calls from a new frame on top. */
    static Frame panic(Machine m, Machine.Thread t, GoPanic value) {
        t.inNative = false;
        G st = state(t);
        if (value.isRuntimeError() && value.getMessage().endsWith("nil pointer dereference")) {
            st.sig = true; // a SIGSEGV turned into this panic (sigpanic)
        }
        st.panic = new Panic(value, st.panic, false);
        return start(m, t, st.panic, GOPANIC);
    }

    /** {@code runtime.Goexit}: the goroutine runs all its deferred calls, then ends. */
    static Frame goexit(Machine m, Machine.Thread t) {
        t.inNative = false;
        G st = state(t);
        st.panic = new Panic(null, st.panic, true);
        return start(m, t, st.panic, GOEXIT);
    }

    private static Frame start(Machine m, Machine.Thread t, Panic p, Code code) {
        Frame at = t.top;
        Frame pf = new Frame(code, at);
        state(t).of(pf).panic = p;
        p.frame = pf;
        p.cursor = at;
        return m.push(t, pf, 0, 0);
    }

    /**
     * One step of gopanic's (or Goexit's) loop: the deferred call it ran returned (a recovery
     * ends the panic), then the next pending deferred call, innermost frame first.
     */
    private static Frame panicLoop(Machine m, Machine.Thread t, Frame pf) {
        G st = t.defers;
        Panic p = st.frames.get(pf).panic;
        if (p.running != null) {
            Rec d = p.running;
            p.running = null;
            finish(t, d);
            if (p.recovered) {
                return recovery(m, t, p, d);
            }
        }
        while (p.cursor != null) {
            Frame c = p.cursor;
            FrameState cs = st.frames.get(c);
            if (st.printing != null && cs != null && cs.panic == st.printing) {
                // The Error or String method preprintpanics called panicked: its deferred recover throws.
                String reason = st.printing.value.preprint().whilePrinting(p.value);
                java.util.List<String> lines = new java.util.ArrayList<>();
                lines.add("fatal error: " + reason);
                lines.add("");
                lines.addAll(PanicTrace.traceback(m, t));
                throw new GoFatal(reason, lines);
            }
            if (cs != null) {
                Panic q = cs.panic;
                if (q != null && q.running != null) {
                    // An earlier panic's (or Goexit's) deferred call is being unwound: it is over.
                    q.aborted = true;
                    finish(t, q.running);
                    q.running = null;
                }
                if (cs.running != null) {
                    finish(t, cs.running);
                    cs.running = null;
                }
                if (cs.defers != null) {
                    Rec d = pop(cs);
                    if (d.site.kind() == Kind.OPEN_CODED && p.openFrame != c) {
                        releaseOpen(t, p);
                        p.openRecord = DeferPool.newdefer(t); // addOneOpenDeferFrame
                        p.openFrame = c;
                    }
                    p.running = d;
                    return call(m, t, pf, d, p);
                }
            }
            if (p.openFrame == c) {
                releaseOpen(t, p);
            }
            if (!p.goexit && c.resI < 0 && c.catches) {
                return nativeRecovery(m, t, p, c);
            }
            p.cursor = c.caller;
        }
        releaseOpen(t, p);
        if (p.goexit) {
            return goexit1(m, t);
        }
        Frame method = preprint(m, t, pf);
        if (method != null) {
            return method;
        }
        throw new Unrecovered();
    }

    /**
     * {@code preprintpanics}: before the panics are printed, each value with an Error or String
     * method, newest first, is replaced by the method's result. The method runs on top of the
     * gopanic frame, as a function a native invoked (its results come back to the thread); this
     * frame's loop then resumes here. Null when every value is ready to print.
     */
    private static Frame preprint(Machine m, Machine.Thread t, Frame pf) {
        G st = t.defers;
        if (st.printing != null) {
            Object s = t.returnedRefs()[0];
            st.printing.value.printed(s == null ? "" : s.toString());
            st.printing = null;
            t.inNative = false;
        }
        for (Panic q = st.panic; q != null; q = q.link) {
            if (q.goexit || q.value == null || q.value.preprint() == null) {
                continue;
            }
            st.printing = q;
            GoPanic.Call c = q.value.preprint().prepare(t);
            if (c.code() == null) { // the library's method, run in Java: its result is in place
                q.value.printed(String.valueOf(c.refs()[0]));
                st.printing = null;
                continue;
            }
            Frame callee = new Frame(c.code(), pf);
            System.arraycopy(c.ints(), 0, callee.i, 0, c.ints().length);
            System.arraycopy(c.refs(), 0, callee.r, 0, c.refs().length);
            return m.push(t, callee, -1, -1);
        }
        return null;
    }

    private static void releaseOpen(Machine.Thread t, Panic p) {
        if (p.openRecord != 0) {
            DeferPool.freedefer(t, p.openRecord);
            p.openRecord = 0;
            p.openFrame = null;
        }
    }

    /**
     * {@code recovery}: the panic is over; the stack is cut back to the frame whose deferred call
     * recovered, which goes on at its exit sequence (its remaining deferred calls, then return).
     */
    private static Frame recovery(Machine m, Machine.Thread t, Panic p, Rec d) {
        G st = t.defers;
        releaseOpen(t, p);
        st.panic = p.link;
        if (st.panic != null && st.panic.goexit && st.panic.aborted) {
            // A recover cannot stop a Goexit: its loop goes on.
            Panic g = st.panic;
            g.aborted = false;
            unwind(m, t, g.frame);
            g.frame.pc = 0;
            return g.frame;
        }
        while (st.panic != null && st.panic.aborted) {
            st.panic = st.panic.link;
        }
        if (st.panic == null) {
            st.sig = false;
        }
        Frame owner = d.owner;
        unwind(m, t, owner);
        owner.pc = d.site.exit().pc;
        owner.nativeState = null; // a native it was running when the panic began is abandoned
        return owner;
    }

    /**
     * The panic has run the deferred calls of every frame down to {@code boundary}, which a
     * native invoked and which recovers panics: the panic is over, as when fmt's deferred
     * {@code catchPanic} recovers a String method's panic, and the native resumes with it.
     */
    private static Frame nativeRecovery(Machine m, Machine.Thread t, Panic p, Frame boundary) {
        G st = t.defers;
        releaseOpen(t, p);
        st.panic = p.link;
        while (st.panic != null && st.panic.aborted && !st.panic.goexit) {
            st.panic = st.panic.link;
        }
        if (st.panic == null) {
            st.sig = false;
        }
        Frame nat = boundary.caller;
        unwind(m, t, nat);
        t.resumeNativeWithPanic(p.value);
        return nat; // at its NATIVE instruction, which runs again and sees the panic
    }

    /** Pops every frame above {@code target}, here and on the simulated stack. */
    private static void unwind(Machine m, Machine.Thread t, Frame target) {
        G st = t.defers;
        for (Frame x = t.top; x != target; x = x.caller) {
            if (x.code.frame() != null) {
                m.rt.ret(t.g);
            }
            FrameState xs = st.frames.remove(x);
            if (xs != null && xs.running != null) {
                finish(t, xs.running);
            }
        }
        t.top = target;
    }

    /** {@code goexit1}: the goroutine is done; its stack goes with it. */
    private static Frame goexit1(Machine m, Machine.Thread t) {
        G st = t.defers;
        st.panic = null;
        st.frames.clear();
        st.goexited = true;
        t.top = null;
        m.rt.exit(t.g);
        return null;
    }

    /**
     * {@code recover()}: the panic's value if the function calling it was called directly by the
     * defer mechanism for the current panic (through gc's wrapper, if any), else null.
     */
    public static GoPanic recover(Machine.Thread t) {
        G st = t.defers;
        Panic p = st == null ? null : st.panic;
        if (p == null || p.goexit || p.recovered || !deferredBy(st, t.top, p)) {
            return null;
        }
        p.recovered = true;
        return p.value;
    }

    private static boolean deferredBy(G st, Frame x, Panic p) {
        FrameState xs = st.frames.get(x);
        if (xs != null && xs.deferCall != null && xs.deferCall.panic == p) {
            return !xs.deferCall.site.gcWrapper();
        }
        FrameState cs = x.caller == null ? null : st.frames.get(x.caller);
        return cs != null && cs.deferCall != null && cs.deferCall.panic == p && cs.deferCall.site.gcWrapper();
    }
}
