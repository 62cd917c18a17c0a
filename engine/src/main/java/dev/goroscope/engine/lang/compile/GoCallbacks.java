package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lets a library function written in Java call the program's methods: fmt calling
 * {@code String} and {@code Error}, the errors package calling {@code Unwrap}, {@code Is} and
 * {@code As}. Go code must run on the goroutine's own stack, in the interpreter's loop, so a
 * native cannot simply call it; instead:
 *
 * <ol>
 *   <li>The native's Java code runs as a pure function of its arguments and the results of the
 *       method calls it makes, numbered in the order it makes them. A call whose result is known
 *       (an earlier run made it) returns that result; one that is not is recorded as pending,
 *       and either returns a placeholder ({@code lazy}: fmt, whose later calls never depend on a
 *       String's result) or abandons the run (an errors chain, where the next call depends on
 *       this one).</li>
 *   <li>While calls are pending the native asks the machine to run the first one
 *       ({@link Machine.Thread#invoke}) and returns {@link Native.Result#CALL}; the method's
 *       frame goes on the goroutine's stack above the caller, exactly as if fmt had called it, so
 *       it can block, grow the stack, allocate and be preempted like any Go call.</li>
 *   <li>When the method returns, the machine resumes the native, which records the result and
 *       runs the next pending call, or runs its Java code again, now with every result known.
 *       Only that last run's outcome is committed (printed, returned).</li>
 * </ol>
 *
 * Each method runs once, in the order Go would call it; the Java code may run a few times,
 * which is harmless because it has no effects of its own until the commit. What it keeps
 * between runs lives in the calling frame ({@link Machine.Thread#nativeState}).
 */
final class GoCallbacks {
    /** Abandons a run that needs a result not known yet. */
    private static final class Pending extends RuntimeException {
        Pending() {
            super(null, null, false, false);
        }
    }

    /** A method call's results, by register file, or the panic that ended it (when recovered). */
    record Result(long[] ints, Object[] refs, GoPanic panic) {}

    private record Call(Code code, long[] argI, Object[] argR) {}

    private static final class State {
        final List<Result> results = new ArrayList<>();
        final List<Call> pending = new ArrayList<>();
        boolean awaiting;
    }

    private final Machine.Thread t;
    private final State st;
    private final boolean recovers;
    private int cursor;

    private GoCallbacks(Machine.Thread t, State st, boolean recovers) {
        this.t = t;
        this.st = st;
        this.recovers = recovers;
    }

    /**
     * Runs a native's Java code, which may call methods through the {@code GoCallbacks} it is
     * given, and commits its outcome once every call it made has returned. With
     * {@code recovers}, a panic in a method ends only that call, and {@link #call} rethrows it to
     * the Java code when it runs again (fmt's {@code catchPanic}); otherwise it unwinds on past
     * the native.
     */
    static <T> Native.Result run(Machine.Thread t, boolean recovers, Function<GoCallbacks, T> body,
                                 Function<T, Native.Result> commit) {
        State st = (State) t.nativeState();
        if (st == null) {
            st = new State();
        } else if (st.awaiting) {
            st.results.add(new Result(t.returnedInts(), t.returnedRefs(), t.returnedPanic()));
            st.awaiting = false;
        }
        if (st.pending.isEmpty()) {
            T value = null;
            try {
                value = body.apply(new GoCallbacks(t, st, recovers));
            } catch (Pending p) {
                // the run stopped at a call it needs the answer of; it is pending now
            }
            if (st.pending.isEmpty()) {
                t.setNativeState(null);
                return commit.apply(value);
            }
        }
        Call c = st.pending.remove(0);
        st.awaiting = true;
        t.setNativeState(st);
        t.invoke(c.code(), c.argI(), c.argR(), recovers);
        return Native.Result.CALL;
    }

    Machine.Thread thread() {
        return t;
    }

    /**
     * Method {@code name} of the dynamic type of {@code v} if it has one of type {@code sig}
     * ({@code func() string}), else null: whether {@code v} implements a one-method interface.
     */
    static MethodTable.Method method(MethodTable table, Values.Iface v, String name, String sig) {
        if (v == null) {
            return null;
        }
        MethodTable.Method m = table.find(v.type(), name);
        return m != null && m.signature().equals(sig) ? m : null;
    }

    /**
     * Calls method {@code name} of the interface value {@code v} with reference arguments
     * {@code refs} (no library caller passes scalars). Returns the results; for a Go method not
     * run yet, null when {@code lazy}, else the run is abandoned. The receiver is taken from
     * {@code v} now, so its panics (a value method through a nil pointer) reach the caller.
     */
    Result call(MethodTable table, Values.Iface v, String name, boolean lazy, Object... refs) {
        MethodTable.Method m = table.find(v.type(), name);
        Object recv = m.receiver(t, v.value());
        while (m.forwards()) {
            if (recv == null) {
                throw GoPanic.runtimeError(
                        "invalid memory address or nil pointer dereference");
            }
            v = (Values.Iface) recv;
            m = table.find(v.type(), name);
            recv = m.receiver(t, v.value());
        }
        if (m.code() == null) {
            long[] i = new long[1];
            Object[] r = new Object[refs.length + 1];
            System.arraycopy(refs, 0, r, 0, refs.length);
            m.callJava(t, recv, i, r, 0, 0, 0, refs.length);
            return new Result(i, new Object[] {r[refs.length]}, null);
        }
        int k = cursor++;
        if (k < st.results.size()) {
            Result res = st.results.get(k);
            if (res.panic() != null) {
                throw res.panic();
            }
            return res;
        }
        boolean scalar = m.scalarReceiver();
        long[] argI = scalar ? new long[] {(Long) recv} : new long[0];
        Object[] argR = new Object[refs.length + (scalar ? 0 : 1)];
        if (!scalar) {
            argR[0] = recv;
        }
        System.arraycopy(refs, 0, argR, scalar ? 0 : 1, refs.length);
        st.pending.add(new Call(m.code(), argI, argR));
        if (lazy) {
            return null;
        }
        throw new Pending();
    }
}
