package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * fmt's printing functions as natives that honour the program's {@code Error} and
 * {@code String} methods: the printer ({@link GoFmt}) asks for a value's method wherever real
 * fmt's {@code handleMethods} would (each operand, and each value inside one it prints through
 * an interface: struct fields it may access, elements, map entries, a pointer's target at the top
 * level), the method table says whether the dynamic type's method set has it, and the call runs
 * as Go code through {@link GoCallbacks}. A method that panics is recovered as fmt's
 * {@code catchPanic} recovers it: {@code <nil>} for a nil pointer receiver, else
 * {@code %!v(PANIC=String method: ...)}.
 */
final class FmtNatives {
    private FmtNatives() {}

    /** The native for one of fmt's functions, or null when {@code name} is not one of them. */
    static Native of(FuncCompiler fc, String name, List<Natives.Arg> args) {
        MethodTable table = fc.program.methods.table;
        List<Natives.Arg> rest = args.isEmpty() ? args : args.subList(1, args.size());
        switch (name) {
            case "fmt.Println":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprintln(ifaces(args, i, r, a, b), new Methods(table, c)), s -> print(t, s));
            case "fmt.Print":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprint(ifaces(args, i, r, a, b), new Methods(table, c)), s -> print(t, s));
            case "fmt.Printf":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprintf(format(args, i, r, a, b), ifaces(rest, i, r, a, b), new Methods(table, c)),
                        s -> print(t, s));
            case "fmt.Sprint":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprintBytes(ifaces(args, i, r, a, b), new Methods(table, c)), s -> set(t, r, y, s));
            case "fmt.Sprintln":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprintlnBytes(ifaces(args, i, r, a, b), new Methods(table, c)), s -> set(t, r, y, s));
            case "fmt.Sprintf":
                return (t, i, r, a, b, x, y, res) -> GoCallbacks.run(t, true,
                        c -> GoFmt.sprintfBytes(GoString.of(format(args, i, r, a, b)), ifaces(rest, i, r, a, b),
                                new Methods(table, c)),
                        s -> set(t, r, y, s));
            case "fmt.Errorf":
                return (t, i, r, a, b, x, y, res) -> {
                    String f = format(args, i, r, a, b);
                    List<Values.Iface> ops = ifaces(rest, i, r, a, b);
                    Function<GoCallbacks, String> msg = c -> ErrorOps.errorfMessage(f, ops, new Methods(table, c));
                    return GoCallbacks.run(t, true, msg, m -> {
                        t.machine().runtime().fmtPrinter(t.goroutine());
                        r[y] = ErrorOps.errorf(t, f, ops, m);
                        return Native.Result.DONE;
                    });
                };
            default:
                return null;
        }
    }

    private static String format(List<Natives.Arg> args, long[] i, Object[] r, int a, int b) {
        return ((GoString) args.get(0).value(i, r, a, b)).toString();
    }

    private static Native.Result print(Machine.Thread t, String s) {
        t.machine().runtime().fmtPrinter(t.goroutine());
        t.machine().print(t, s, false); // the output event goes on the timeline too
        return Native.Result.DONE;
    }

    private static Native.Result set(Machine.Thread t, Object[] r, int y, GoString s) {
        t.machine().runtime().fmtPrinter(t.goroutine());
        r[y] = s;
        return Native.Result.DONE;
    }

    static List<Values.Iface> ifaces(List<Natives.Arg> args, long[] i, Object[] r, int a, int b) {
        List<Values.Iface> out = new ArrayList<>(args.size());
        for (Natives.Arg x : args) {
            out.add(x.iface(i, r, a, b));
        }
        return out;
    }

    /** The printer's view of the program's methods during one run of a fmt native. */
    private record Methods(MethodTable table, GoCallbacks calls) implements GoFmt.Methods {
        @Override
        public String errorMethod(Values.Iface v) {
            return call(v, "Error");
        }

        @Override
        public String stringMethod(Values.Iface v) {
            return call(v, "String");
        }

        private String call(Values.Iface v, String name) {
            String lib = v == null ? null : name.equals("Error") ? ErrorOps.METHODS.errorMethod(v)
                    : ErrorOps.METHODS.stringMethod(v);
            if (lib != null) {
                return lib; // the library's own values (errors, contexts, time.Duration), run in Java
            }
            if (GoCallbacks.method(table, v, name, "func() string") == null) {
                return null;
            }
            GoCallbacks.Result res;
            try {
                res = calls.call(table, v, name, true);
            } catch (GoPanic p) {
                throw new GoFmt.MethodPanicked(name, p.getMessage());
            }
            return res == null ? "" : res.refs()[0].toString();
        }
    }
}
