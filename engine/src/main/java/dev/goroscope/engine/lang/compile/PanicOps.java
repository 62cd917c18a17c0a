package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.TypeNames;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Defers;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoProfile;
import java.util.List;
import java.util.Set;

/**
 * The builtins {@code panic} and {@code recover}, and the values the runtime panics with.
 *
 * <p>{@code panic(v)} computes what {@code printpanics} would print for {@code v}
 * ({@code printpanicval}'s form: {@code 42}, {@code main.N(42)}, {@code main.S("x")},
 * {@code +1.500000e+000}, {@code (main.T) 0xc000012000}; a library error's message), and throws.
 * When the program's own Error or String method applies, the machine calls it only if the panic
 * is not recovered, after the deferred calls ran ({@code preprintpanics}, {@link MethodPreprint}). {@code recover()} asks the machine whether the
 * calling function may stop the current panic, and turns a runtime failure into the value Go
 * recovers: a {@code runtime.Error} ({@code runtime.boundsError}, {@code runtime.errorString},
 * {@code *runtime.TypeAssertionError}) or a {@code runtime.plainError}, printing as Go does.
 */
final class PanicOps {
    private PanicOps() {}

    static final RType BOUNDS_ERROR = new RType.StructT(List.of(), "runtime.boundsError");
    static final RType ERROR_STRING = new RType.Basic(RType.Kind.STRING, "runtime.errorString");
    static final RType PLAIN_ERROR = new RType.Basic(RType.Kind.STRING, "runtime.plainError");
    static final RType TYPE_ASSERTION_ERROR = new RType.Ptr(new RType.StructT(List.of(), "runtime.TypeAssertionError"), null);
    static final RType PANIC_NIL_ERROR = new RType.Ptr(new RType.StructT(List.of(), "runtime.PanicNilError"), null);
    private static final RType STRING = new RType.Basic(RType.Kind.STRING, null);

    /** The runtime's panics with a {@code plainError}: no "runtime error: " prefix, still a runtime.Error. */
    private static final Set<String> PLAIN_ERRORS = Set.of("assignment to entry in nil map", "send on closed channel",
            "close of closed channel", "close of nil channel");

    /** What Go 1.21+ panics with for {@code panic(nil)}. */
    private static final String PANIC_NIL = "panic called with nil argument (goexit=false)";

    static void panic(FuncCompiler fc, Expr.Call c) {
        Expr arg = c.args().get(0);
        Type t = fc.info.typeOf(arg);
        if (!Kinds.isIface(t)) {
            fc.program.methods.register(t); // its Error or String method, which printpanics calls
        }
        MethodTable table = fc.program.methods.table;
        long convSize = Kinds.isIface(t) ? 0 : Math.max(dev.goroscope.engine.lang.types.Sizes.sizeof(t), 8);
        int v = fc.exprs.value(arg);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            throw of(th, r[v], convSize, table);
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /** The panic for value {@code v} (an interface value, null for nil). */
    private static GoPanic of(Machine.Thread th, Object v, long convSize, MethodTable table) {
        if (v == null) {
            if (th.machine().runtime().settings().profile() != GoProfile.GO_1_19) {
                return new GoPanic(PANIC_NIL, null, true); // Go 1.21: *runtime.PanicNilError
            }
            return new GoPanic("nil", null, false);
        }
        Values.Iface iv = (Values.Iface) v;
        GoPanic p = new GoPanic(printpanicval(th, iv, convSize), iv, false);
        if (ErrorOps.METHODS.errorMethod(iv) != null || ErrorOps.METHODS.stringMethod(iv) != null) {
            return p; // the library's own method, already applied
        }
        String method = GoCallbacks.method(table, iv, "Error", "func() string") != null ? "Error"
                : GoCallbacks.method(table, iv, "String", "func() string") != null ? "String" : null;
        return method == null ? p : p.withPreprint(new MethodPreprint(table, iv, method));
    }

    /**
     * {@code preprintpanics} calling the panic value's Error or String method: the receiver is
     * taken from the value when the method runs, after the deferred calls, as in Go.
     */
    private record MethodPreprint(MethodTable table, Values.Iface value, String name) implements GoPanic.Preprint {
        @Override
        public GoPanic.Call prepare(Machine.Thread t) {
            Values.Iface v = value;
            MethodTable.Method m = table.find(v.type(), name);
            Object recv = m.receiver(t, v.value());
            while (m.forwards()) { // promoted from an embedded interface: dispatch again on what it holds
                if (recv == null) {
                    throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
                }
                v = (Values.Iface) recv;
                m = table.find(v.type(), name);
                recv = m.receiver(t, v.value());
            }
            if (m.code() == null) {
                Object[] r = new Object[1];
                m.callJava(t, recv, new long[1], r, 0, 0, 0, 0);
                return new GoPanic.Call(null, new long[0], r);
            }
            return m.scalarReceiver() ? new GoPanic.Call(m.code(), new long[] {(Long) recv}, new Object[0])
                    : new GoPanic.Call(m.code(), new long[0], new Object[] {recv});
        }

        @Override
        public String whilePrinting(GoPanic nested) {
            String text = "panic while printing panic value";
            Values.Iface r = recovered(nested);
            if (r == null) {
                return text + ": nil";
            }
            if (r.type() instanceof RType.Basic b && b.kind() == RType.Kind.STRING && b.name() == null) {
                return text + ": " + r.value();
            }
            return text + ": type " + TypeNames.of(r.type());
        }
    }

    /** {@code preprintpanics} then {@code printpanicval}: the text after {@code panic: }. */
    private static String printpanicval(Machine.Thread th, Values.Iface v, long convSize) {
        String m = ErrorOps.METHODS.errorMethod(v);
        if (m == null) {
            m = ErrorOps.METHODS.stringMethod(v);
        }
        if (m != null) {
            return m;
        }
        RType t = v.type();
        Object val = v.value();
        if (t instanceof RType.Basic b) {
            String s;
            if (val instanceof Double d) {
                s = dev.goroscope.engine.runtime.PrintFloat.format(d);
            } else if (val instanceof Long l && b.kind().isUnsigned()) {
                s = Long.toUnsignedString(l);
            } else {
                s = String.valueOf(val);
            }
            if (b.name() == null) {
                return s;
            }
            return b.kind() == RType.Kind.STRING ? b.name() + "(\"" + s + "\")" : b.name() + "(" + s + ")";
        }
        // printanycustomtype's default: the type and the interface's data pointer. A value that
        // is not a pointer is boxed on the heap by the conversion (convT), as in Go.
        long addr = HeapOps.addrOfAny(val);
        if (addr == 0 && convSize > 0) {
            addr = th.machine().runtime().alloc(th.goroutine(), convSize, 0, TypeNames.of(t));
        }
        return "(" + TypeNames.of(t) + ") 0x" + Long.toHexString(addr);
    }

    /** {@code recover()} into r[dst]: the panic's value, or nil. */
    static void recover(FuncCompiler fc, int dst) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            GoPanic p = Defers.recover(th);
            r[dst] = p == null ? null : recovered(p);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /** The value {@code recover} returns for a panic. */
    static Values.Iface recovered(GoPanic p) {
        String msg = p.getMessage();
        if (p.isRuntimeError()) {
            RType t = msg.startsWith("interface conversion") ? TYPE_ASSERTION_ERROR
                    : msg.equals(PANIC_NIL) ? PANIC_NIL_ERROR
                    : msg.startsWith("runtime error: index out of range")
                            || msg.startsWith("runtime error: slice bounds out of range") ? BOUNDS_ERROR
                    : ERROR_STRING;
            return new Values.Iface(t, new ErrorOps.GoError(msg, null, 0));
        }
        Object v = p.value();
        if (v instanceof GoString s) {
            // raised by the runtime or a library, not by panic(): a plainError or a string
            return PLAIN_ERRORS.contains(s.toString())
                    ? new Values.Iface(PLAIN_ERROR, new ErrorOps.GoError(s.toString(), null, 0))
                    : new Values.Iface(STRING, s);
        }
        return (Values.Iface) v;
    }
}
