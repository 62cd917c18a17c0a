package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.ScalarArray;
import java.util.List;

/**
 * {@code errors.Is}, {@code errors.As} and {@code errors.Unwrap} (go1.19 errors/wrap.go) over
 * any error values, the program's included: a chain is followed through {@code Unwrap() error}
 * methods, and an error's own {@code Is(error) bool} and {@code As(any) bool} methods are asked
 * on the way. Each method call is the program's Go code, run through {@link GoCallbacks}; the
 * next step of a chain depends on the last answer, so these calls are never batched.
 */
final class ErrorChains {
    private ErrorChains() {}

    /** The native for {@code name}, or null when it is not one of these. */
    static Native of(FuncCompiler fc, String name, List<Natives.Arg> args) {
        MethodTable table = fc.program.methods.table;
        switch (name) {
            case "errors.Is":
                return (t, i, r, a, b, x, y, res) -> {
                    Values.Iface err = args.get(0).iface(i, r, a, b);
                    Values.Iface target = args.get(1).iface(i, r, a, b);
                    return GoCallbacks.run(t, false, c -> is(table, c, err, target), found -> {
                        i[x] = found ? 1 : 0;
                        return Native.Result.DONE;
                    });
                };
            case "errors.Unwrap":
                return (t, i, r, a, b, x, y, res) -> {
                    Values.Iface err = args.get(0).iface(i, r, a, b);
                    return GoCallbacks.run(t, false, c -> unwrap(table, c, err), u -> {
                        r[y] = u;
                        return Native.Result.DONE;
                    });
                };
            case "errors.As":
                return (t, i, r, a, b, x, y, res) -> {
                    Values.Iface err = args.get(0).iface(i, r, a, b);
                    Values.Iface target = args.get(1).iface(i, r, a, b);
                    checkTarget(table, target);
                    return GoCallbacks.run(t, false, c -> as(table, c, err, target), found -> {
                        if (found != null) {
                            store(t, target, found);
                        }
                        i[x] = found != null ? 1 : 0;
                        return Native.Result.DONE;
                    });
                };
            default:
                return null;
        }
    }

    /** {@code errors.Unwrap}: the result of the error's {@code Unwrap() error} method, or nil. */
    static Values.Iface unwrap(MethodTable table, GoCallbacks calls, Values.Iface err) {
        if (GoCallbacks.method(table, err, "Unwrap", "func() error") == null) {
            return null;
        }
        return (Values.Iface) calls.call(table, err, "Unwrap", false).refs()[0];
    }

    /** {@code errors.Is}: the error, or one it wraps, equals the target or says it is it. */
    static boolean is(MethodTable table, GoCallbacks calls, Values.Iface err, Values.Iface target) {
        if (target == null) {
            return err == null;
        }
        boolean comparable = IfaceOps.comparable(target.type());
        for (Values.Iface e = err; e != null; e = unwrap(table, calls, e)) {
            if (comparable && IfaceOps.same(e, target)) {
                return true;
            }
            if (GoCallbacks.method(table, e, "Is", "func(error) bool") != null
                    && calls.call(table, e, "Is", false, target).ints()[0] != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code errors.As}'s checks of its target, with its panics. */
    private static void checkTarget(MethodTable table, Values.Iface target) {
        if (target == null) {
            throw panic("errors: target cannot be nil");
        }
        if (!(target.type() instanceof RType.Ptr p) || target.value() == null) {
            throw panic("errors: target must be a non-nil pointer");
        }
        if (!(p.elem() instanceof RType.IfaceT) && !implementsError(table, p.elem())) {
            throw panic("errors: *target must be interface or implement error");
        }
    }

    private static boolean implementsError(MethodTable table, RType t) {
        MethodTable.Method m = table.find(t, "Error");
        return m != null && m.signature().equals("func() string");
    }

    /**
     * {@code errors.As}: the first error in the chain assignable to the target's element type
     * (the error to store), or one whose {@code As(any) bool} method says yes (the target, stored
     * already); null when none.
     */
    static Object as(MethodTable table, GoCallbacks calls, Values.Iface err, Values.Iface target) {
        RType want = ((RType.Ptr) target.type()).elem();
        for (Values.Iface e = err; e != null; e = unwrap(table, calls, e)) {
            if (assignable(table, e.type(), want)) {
                return e;
            }
            if (GoCallbacks.method(table, e, "As", "func(interface {}) bool") != null
                    && calls.call(table, e, "As", false, target).ints()[0] != 0) {
                return target;
            }
        }
        return null;
    }

    /** Whether a value of dynamic type {@code t} can be assigned to a variable of type {@code want}. */
    private static boolean assignable(MethodTable table, RType t, RType want) {
        if (!(want instanceof RType.IfaceT it)) {
            return t.equals(want);
        }
        for (String m : it.methods()) {
            int paren = m.indexOf('(');
            MethodTable.Method have = table.find(t, m.substring(0, paren));
            if (have == null || !have.signature().equals("func" + m.substring(paren))) {
                return false;
            }
        }
        return true;
    }

    /** {@code *target = err}: the error value itself, or the interface holding it. */
    private static void store(dev.goroscope.engine.lang.vm.Machine.Thread t, Values.Iface target, Object found) {
        if (found == target) {
            return; // the error's As method has set the target
        }
        Values.Iface e = (Values.Iface) found;
        RType want = ((RType.Ptr) target.type()).elem();
        HeapBox box = (HeapBox) target.value();
        Object v = want instanceof RType.IfaceT ? e : e.value();
        if (v instanceof Values.ArrayV av && box.get() instanceof ScalarArray) {
            ScalarArray sa = new ScalarArray(av.elems().length);
            for (int k = 0; k < sa.len(); k++) {
                Object o = av.elems()[k];
                sa.set(k, o instanceof Double d ? Double.doubleToRawLongBits(d)
                        : o instanceof Boolean z ? (z ? 1 : 0) : (Long) o);
            }
            v = sa;
        }
        long addr = HeapOps.addrOfAny(v);
        if (addr != 0 || want instanceof RType.Ptr || want instanceof RType.IfaceT) {
            t.machine().runtime().store(t.goroutine(), box.addr(), 0, addr);
        }
        box.set(Layouts.copy(v));
    }

    private static GoPanic panic(String msg) {
        return new GoPanic(msg, GoString.of(msg), false);
    }
}
