package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.Machine;
import java.util.List;

/**
 * The library's error values: {@code errors.New} makes a {@code *errors.errorString},
 * {@code fmt.Errorf} with {@code %w} a {@code *fmt.wrapError} that {@code errors.Is} can look
 * through. Both are heap allocations, as in Go; fmt prints them through their Error method.
 */
final class ErrorOps {
    private ErrorOps() {}

    /** An error value: its message, what it wraps (or null), and its heap object. */
    record GoError(String message, Values.Iface wrapped, long addr) {}

    static final RType ERROR_STRING = new RType.Ptr(new RType.StructT(List.of(), "errors.errorString"), null);
    static final RType WRAP_ERROR = new RType.Ptr(new RType.StructT(List.of(), "fmt.wrapError"), null);

    static Values.Iface newError(Machine.Thread t, String msg) {
        long addr = t.machine().runtime().alloc(t.goroutine(), 16, 1, "errors.errorString");
        return new Values.Iface(ERROR_STRING, new GoError(msg, null, addr), addr);
    }

    /** {@code fmt.Errorf}'s message: {@code %w} formats like {@code %v}. */
    static String errorfMessage(String format, List<Values.Iface> args, GoFmt.Methods m) {
        return GoFmt.sprintf(format.replace("%w", "%v"), args, m);
    }

    /** {@code fmt.Errorf}'s value: the operand of its first {@code %w}, if any, is wrapped. */
    static Values.Iface errorf(Machine.Thread t, String format, List<Values.Iface> args, String msg) {
        Values.Iface wrapped = null;
        int argIndex = 0;
        for (int k = 0; k + 1 < format.length(); k++) {
            if (format.charAt(k) == '%') {
                char v = format.charAt(k + 1);
                if (v == '%') {
                    k++;
                    continue;
                }
                if (v == 'w' && wrapped == null && argIndex < args.size()) {
                    wrapped = args.get(argIndex);
                }
                argIndex++;
            }
        }
        if (wrapped == null) {
            return newError(t, msg);
        }
        long addr = t.machine().runtime().alloc(t.goroutine(), 32, 2, "fmt.wrapError");
        t.machine().runtime().store(t.goroutine(), addr, 1, HeapOps.addrOfAny(wrapped));
        return new Values.Iface(WRAP_ERROR, new GoError(msg, wrapped, addr), addr);
    }

    /**
     * The library's own methods that fmt and {@code printpanics} call, run in Java: an error's
     * Error, a context's String (when it has one the simulation can print), time.Duration's
     * String. The program's methods are called through the method table ({@link FmtNatives}).
     */
    static final GoFmt.Methods METHODS = new GoFmt.Methods() {
        @Override
        public String stringMethod(Values.Iface v) {
            if (v.value() instanceof Contexts.Ctx c) {
                return c.string();
            }
            if (v.type() != null && "time.Duration".equals(v.type().name()) && v.value() instanceof Long l) {
                return GoFmt.formatDuration(l);
            }
            return null;
        }

        @Override
        public String errorMethod(Values.Iface v) {
            return v.value() instanceof GoError e ? e.message() : null;
        }
    };

    /** The package strings functions the lessons use. */
    static Object strings(String name, Object[] a) {
        switch (name) {
            case "strings.Repeat": {
                long n = (Long) a[1];
                if (n < 0) {
                    throw dev.goroscope.engine.lang.vm.GoPanic.runtimeError("strings: negative Repeat count");
                }
                return GoString.of(a[0].toString().repeat((int) n));
            }
            case "strings.Contains":
                return a[0].toString().contains(a[1].toString());
            case "strings.HasPrefix":
                return a[0].toString().startsWith(a[1].toString());
            case "strings.ToUpper":
                return GoString.of(a[0].toString().toUpperCase(java.util.Locale.ROOT));
            default:
                return null;
        }
    }
}
