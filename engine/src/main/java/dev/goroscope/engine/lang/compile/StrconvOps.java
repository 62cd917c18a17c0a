package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoQuote;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import java.util.List;

/**
 * {@code strconv.Itoa} and {@code strconv.Atoi} as Go 1.19 has them, allocations included:
 * Itoa returns 0 to 99 from a static table and allocates the digits of anything else; Atoi's
 * failures are {@code *strconv.NumError} values (48 bytes) that wrap
 * {@code ErrSyntax} or {@code ErrRange}, so {@code errors.Is} finds those.
 */
final class StrconvOps {
    private StrconvOps() {}

    static final Values.Iface ERR_SYNTAX = LibraryVars.error("errors.errorString", "invalid syntax");
    static final Values.Iface ERR_RANGE = LibraryVars.error("errors.errorString", "value out of range");
    static final RType NUM_ERROR = new RType.Ptr(new RType.StructT(List.of(), "strconv.NumError"), null);

    /** The native for {@code strconv.<name>}, or null. */
    static Native function(String name) {
        switch (name) {
            case "strconv.Itoa":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = itoa(t, i[a]);
                    return Native.Result.DONE;
                };
            case "strconv.Atoi":
                return (t, i, r, a, b, x, y, res) -> {
                    GoString s = (GoString) r[b];
                    Object[] out = atoi(t, s);
                    i[x] = (Long) out[0];
                    r[y] = out[1];
                    return Native.Result.DONE;
                };
            default:
                return null;
        }
    }

    static GoString itoa(Machine.Thread t, long v) {
        GoString s = GoString.of(Long.toString(v));
        if (v < 0 || v >= 100) {
            t.machine().runtime().alloc(t.goroutine(), s.len(), 0, "[" + s.len() + "]uint8 (string)");
        }
        return s;
    }

    /** {@code {int value, error}}: Atoi's fast path below 19 bytes, ParseInt's rules above. */
    static Object[] atoi(Machine.Thread t, GoString s) {
        byte[] b = s.bytes();
        int n = b.length;
        if (n > 0 && n < 19) {
            int p = 0;
            boolean neg = false;
            if (b[0] == '-' || b[0] == '+') {
                neg = b[0] == '-';
                p = 1;
                if (n == 1) {
                    return new Object[] {0L, numError(t, s, ERR_SYNTAX)};
                }
            }
            long v = 0;
            for (; p < n; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    return new Object[] {0L, numError(t, s, ERR_SYNTAX)};
                }
                v = v * 10 + d;
            }
            return new Object[] {neg ? -v : v, null};
        }
        if (n == 0) {
            return new Object[] {0L, numError(t, s, ERR_SYNTAX)};
        }
        int p = 0;
        boolean neg = false;
        if (b[0] == '-' || b[0] == '+') {
            neg = b[0] == '-';
            p = 1;
        }
        if (p == n) {
            return new Object[] {0L, numError(t, s, ERR_SYNTAX)};
        }
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        for (; p < n; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return new Object[] {0L, numError(t, s, ERR_SYNTAX)};
            }
            v = v.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(d));
        }
        java.math.BigInteger cutoff = java.math.BigInteger.ONE.shiftLeft(63);
        if (!neg && v.compareTo(cutoff) >= 0) {
            return new Object[] {Long.MAX_VALUE, numError(t, s, ERR_RANGE)};
        }
        if (neg && v.compareTo(cutoff) > 0) {
            return new Object[] {Long.MIN_VALUE, numError(t, s, ERR_RANGE)};
        }
        return new Object[] {neg ? v.negate().longValue() : v.longValue(), null};
    }

    /** {@code &NumError{"Atoi", s, err}} (1.19 keeps the caller's string; later releases copy it). */
    private static Values.Iface numError(Machine.Thread t, GoString s, Values.Iface err) {
        long addr = t.machine().runtime().alloc(t.goroutine(), 48, 3, "strconv.NumError");
        String msg = "strconv.Atoi: parsing " + GoQuote.quote(s) + ": " + ((ErrorOps.GoError) err.value()).message();
        return new Values.Iface(NUM_ERROR, new ErrorOps.GoError(msg, err, addr));
    }
}
