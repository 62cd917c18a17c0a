package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.lang.interp.Values.Iface;
import java.util.List;

/**
 * Go's {@code fmt} over interpreter values: {@code Sprint}, {@code Sprintln} and
 * {@code Sprintf}, byte for byte as go1.19 prints them (golden-tested against the real
 * toolchain), plus {@code time.Duration}'s String for the interpreter to call.
 *
 * <p>Operands are interface values ({@link Iface}); {@code null} (or an Iface with no type)
 * is a nil interface. Results come as {@link GoString} (exact bytes, which matters for
 * {@code %s} of invalid UTF-8 or {@code %c} of a lone byte) or as a decoded Java string.
 *
 * <p>Supported: verbs {@code v T d s q x X o O b c U t e E f F g G p %}, flags
 * {@code - + # 0 space}, width and precision with {@code *} and explicit argument indexes
 * {@code [n]}, and Go's error forms ({@code %!d(string=hi)}, {@code %!s(MISSING)},
 * {@code %!(EXTRA int=3)}, {@code %!(NOVERB)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)},
 * {@code %!d(BADINDEX)}); floats also take {@code %b %x %X}. Not supported: complex
 * numbers, {@code %w}, and the {@code GoStringer} and {@code Formatter} interfaces.
 */
public final class GoFmt {
    private GoFmt() {}

    /**
     * The interpreter's answer to "does this value's method set have {@code Error() string}
     * / {@code String() string}, and what does it return". Null when it has no such method.
     */
    public interface Methods {
        String stringMethod(Iface v);

        String errorMethod(Iface v);

        /** No methods at all: every value prints by its structure. */
        Methods NONE = new Methods() {
            @Override
            public String stringMethod(Iface v) {
                return null;
            }

            @Override
            public String errorMethod(Iface v) {
                return null;
            }
        };
    }

    /**
     * Thrown by a {@link Methods} callback whose method panicked. fmt recovers it
     * ({@code catchPanic}): a nil pointer receiver prints {@code <nil>}, anything else
     * {@code %!v(PANIC=String method: message)}.
     */
    public static final class MethodPanicked extends RuntimeException {
        private final String method;
        private final String panicMessage;

        public MethodPanicked(String method, String panicMessage) {
            super(null, null, false, false);
            this.method = method;
            this.panicMessage = panicMessage;
        }

        public String method() {
            return method;
        }

        public String panicMessage() {
            return panicMessage;
        }
    }

    /** {@code fmt.Sprint}: a space between operands when neither side is a string. */
    public static GoString sprintBytes(List<Iface> args, Methods m) {
        Printer p = new Printer(m);
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Iface a = Printer.iface(args.get(i));
            boolean isString = a != null && a.type() instanceof RType.Basic b && b.kind() == RType.Kind.STRING;
            if (i > 0 && !isString && !prevString) {
                p.buf.add(' ');
            }
            p.fmt.clearFlags();
            p.printArg(a, 'v');
            prevString = isString;
        }
        return GoString.wrap(p.buf.toBytes());
    }

    /** {@code fmt.Sprintln}: spaces between all operands and a final newline. */
    public static GoString sprintlnBytes(List<Iface> args, Methods m) {
        Printer p = new Printer(m);
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.add(' ');
            }
            p.fmt.clearFlags();
            p.printArg(args.get(i), 'v');
        }
        p.buf.add('\n');
        return GoString.wrap(p.buf.toBytes());
    }

    /** {@code fmt.Sprintf}. */
    public static GoString sprintfBytes(GoString format, List<Iface> args, Methods m) {
        Printer p = new Printer(m);
        new Printf(p, format.bytes(), args).run();
        return GoString.wrap(p.buf.toBytes());
    }

    public static String sprint(List<Iface> args, Methods m) {
        return sprintBytes(args, m).toString();
    }

    public static String sprintln(List<Iface> args, Methods m) {
        return sprintlnBytes(args, m).toString();
    }

    public static String sprintf(GoString format, List<Iface> args, Methods m) {
        return sprintfBytes(format, args, m).toString();
    }

    public static String sprintf(String format, List<Iface> args, Methods m) {
        return sprintfBytes(GoString.of(format), args, m).toString();
    }

    /** {@code time.Duration(nanos).String()}. */
    public static String formatDuration(long nanos) {
        return Durations.format(nanos);
    }
}
