package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Lookup;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeStrings;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.MethodTable;
import java.util.List;

/**
 * Fills the program's {@link MethodTable}: the method set (spec, "Method sets") of every type the
 * program converts to an interface, and of the types inside it that fmt walks into (struct
 * fields, elements, pointer targets), so a dynamic call or fmt's {@code String}/{@code Error}
 * finds them. A value type's set holds its value-receiver methods; a pointer type's holds both
 * kinds; both include methods promoted from embedded fields. The library's own error values and
 * {@code time.Duration} come with their methods implemented in Java.
 */
final class MethodSets {
    final MethodTable table = new MethodTable();
    private final ProgramCompiler program;

    MethodSets(ProgramCompiler program) {
        this.program = program;
        library();
    }

    /** Adds {@code t}'s method set, and those of the types fmt can reach inside it. */
    void register(Type t) {
        if (t == null || Kinds.isIface(t)) {
            return; // interface values are never a dynamic type
        }
        RType rt;
        try {
            rt = RTypes.of(t);
        } catch (IllegalArgumentException e) {
            return; // not a type values of which can be boxed (a tuple)
        }
        if (table.has(rt)) {
            return;
        }
        table.declare(rt);
        for (Lookup.Result r : Lookup.methodSet(t)) {
            Func f = (Func) r.obj();
            if (f.isStd()) {
                continue; // the library's methods that run dynamically are added in Java below
            }
            List<Integer> hops = r.path().subList(0, r.path().size() - 1);
            table.add(rt, f.name(), new GoMethod(program, f, new ReceiverPath(t, hops, f)));
        }
        Type u = t.underlying();
        if (u instanceof Struct s) {
            for (Var f : s.fields()) {
                register(f.type());
            }
        } else if (u instanceof Pointer p) {
            register(p.elem());
        } else if (u instanceof Slice s) {
            register(s.elem());
        } else if (u instanceof Array a) {
            register(a.elem());
        } else if (u instanceof MapType m) {
            register(m.key());
            register(m.elem());
        }
    }

    /** A method the program declares (or one promoted to the type from an embedded field). */
    private static final class GoMethod implements MethodTable.Method {
        private final ProgramCompiler program;
        private final Func f;
        private final ReceiverPath path;
        private final String signature;
        private Code code;

        GoMethod(ProgramCompiler program, Func f, ReceiverPath path) {
            this.program = program;
            this.f = f;
            this.path = path;
            this.signature = TypeStrings.runtime(f.type());
        }

        @Override
        public Code code() {
            if (code == null && !path.forwards()) {
                code = program.codeOf(f);
            }
            return code;
        }

        @Override
        public boolean scalarReceiver() {
            return path.scalarReceiver();
        }

        @Override
        public boolean forwards() {
            return path.forwards();
        }

        @Override
        public Object receiver(Machine.Thread t, Object data) {
            return path.walk(t, data);
        }

        @Override
        public String signature() {
            return signature;
        }
    }

    /** A library method run in Java: the receiver and the call's registers. */
    @FunctionalInterface
    private interface JavaBody {
        void run(Object recv, long[] i, Object[] r, int argI, int argR, int resI, int resR);
    }

    private record JavaMethod(String signature, boolean scalarReceiver, JavaBody body) implements MethodTable.Method {
        @Override
        public Code code() {
            return null;
        }

        @Override
        public Object receiver(Machine.Thread t, Object data) {
            return data;
        }

        @Override
        public void callJava(Machine.Thread t, Object recv, long[] i, Object[] r, int argI, int argR, int resI,
                             int resR) {
            body.run(recv, i, r, argI, argR, resI, resR);
        }
    }

    private static final RType DURATION = new RType.Basic(RType.Kind.INT64, "time.Duration");

    /**
     * The library values that reach interfaces with methods: errors (the program's own, the
     * runtime's that recover returns, strconv's and context's) and time.Duration.
     */
    private void library() {
        JavaBody error = (recv, i, r, a, b, x, y) -> r[y] = GoString.of(((ErrorOps.GoError) recv).message());
        JavaBody unwrap = (recv, i, r, a, b, x, y) -> r[y] = ((ErrorOps.GoError) recv).wrapped();
        JavaBody yes = (recv, i, r, a, b, x, y) -> i[x] = 1;
        table.add(ErrorOps.ERROR_STRING, "Error", new JavaMethod("func() string", false, error));
        table.add(ErrorOps.WRAP_ERROR, "Error", new JavaMethod("func() string", false, error));
        table.add(ErrorOps.WRAP_ERROR, "Unwrap", new JavaMethod("func() error", false, unwrap));
        table.add(StrconvOps.NUM_ERROR, "Error", new JavaMethod("func() string", false, error));
        table.add(StrconvOps.NUM_ERROR, "Unwrap", new JavaMethod("func() error", false, unwrap));
        RType deadline = ContextOps.DEADLINE_EXCEEDED.type();
        table.add(deadline, "Error", new JavaMethod("func() string", false, error));
        table.add(deadline, "Timeout", new JavaMethod("func() bool", false, yes));
        table.add(deadline, "Temporary", new JavaMethod("func() bool", false, yes));
        for (RType rt : List.of(PanicOps.BOUNDS_ERROR, PanicOps.ERROR_STRING, PanicOps.PLAIN_ERROR,
                PanicOps.TYPE_ASSERTION_ERROR, PanicOps.PANIC_NIL_ERROR)) {
            table.add(rt, "Error", new JavaMethod("func() string", false, error));
            table.add(rt, "RuntimeError", new JavaMethod("func()", false, (recv, i, r, a, b, x, y) -> { }));
        }
        table.add(DURATION, "String", new JavaMethod("func() string", false,
                (recv, i, r, a, b, x, y) -> r[y] = GoString.of(GoFmt.formatDuration((Long) recv))));
    }

    /** The interface value's method {@code name}, or null when its dynamic type has none. */
    MethodTable.Method find(Values.Iface v, String name) {
        return v == null ? null : table.find(v.type(), name);
    }
}
