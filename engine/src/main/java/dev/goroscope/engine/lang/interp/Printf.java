package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.lang.interp.Values.Iface;
import java.util.List;

/**
 * The format-string walk of {@code Sprintf} (Go's {@code doPrintf}): flags, {@code [n]}
 * argument indexes, width and precision (literal or {@code *}), the verb, and the error
 * forms for what does not add up. Extra operands are reported at the end unless an index
 * was used, since then nobody can tell which ones were meant to be skipped.
 */
final class Printf {
    private final Printer p;
    private final Fmt f;
    private final byte[] s;
    private final List<Iface> a;
    private int argNum;
    private int i;
    private boolean reordered;
    private boolean goodArgNum;
    private boolean afterIndex;

    Printf(Printer p, byte[] format, List<Iface> args) {
        this.p = p;
        this.f = p.fmt;
        this.s = format;
        this.a = args;
    }

    private static boolean tooLarge(int x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    /** Parses a decimal at i; returns the number or -1 when there is none (i unchanged). */
    private int parseNum(int end) {
        int num = 0;
        boolean isNum = false;
        while (i < end && s[i] >= '0' && s[i] <= '9') {
            if (tooLarge(num)) {
                i = end;
                return -1;
            }
            num = num * 10 + (s[i] - '0');
            isNum = true;
            i++;
        }
        return isNum ? num : -1;
    }

    /** An explicit argument index {@code [n]} at i, if any. */
    private void argNumber() {
        afterIndex = false;
        if (i >= s.length || s[i] != '[') {
            return;
        }
        reordered = true;
        int close = -1;
        for (int k = i + 1; k < s.length; k++) {
            if (s[k] == ']') {
                close = k;
                break;
            }
        }
        boolean ok = false;
        int index = 0;
        int next;
        if (s.length - i < 3 || close < 0) {
            next = i + 1;
        } else {
            int save = i;
            i++;
            int n = parseNum(close);
            ok = n >= 0 && i == close;
            i = save;
            index = n - 1;
            next = close + 1;
        }
        i = next;
        if (ok && index >= 0 && index < a.size()) {
            argNum = index;
            afterIndex = true;
            return;
        }
        goodArgNum = false;
        afterIndex = ok;
    }

    /** {@code *}: the next operand as an int, or null when it is not one. */
    private Integer intFromArg() {
        if (argNum >= a.size()) {
            return null;
        }
        Iface v = Printer.iface(a.get(argNum++));
        Integer n = null;
        if (v != null && v.type() instanceof RType.Basic b && b.kind().isInteger()) {
            long x = ((Number) v.value()).longValue();
            if (!b.kind().isUnsigned() || x >= 0) {
                n = x > Integer.MAX_VALUE || x < Integer.MIN_VALUE ? null : (int) x;
            }
        }
        return n == null || tooLarge(n) ? null : n;
    }

    void run() {
        int end = s.length;
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && s[i] != '%') {
                i++;
            }
            if (i > lasti) {
                p.buf.add(s, lasti, i - lasti);
            }
            if (i >= end) {
                break;
            }
            i++;
            f.clearFlags();
            if (flags()) {
                continue;
            }
            argNumber();
            if (i < end && s[i] == '*') {
                i++;
                Integer w = intFromArg();
                f.widPresent = w != null;
                f.wid = w == null ? 0 : w;
                if (w == null) {
                    p.add("%!(BADWIDTH)");
                }
                if (f.wid < 0) {
                    f.wid = -f.wid;
                    f.minus = true;
                    f.zero = false;
                }
                afterIndex = false;
            } else {
                int w = parseNum(end);
                f.widPresent = w >= 0;
                f.wid = Math.max(w, 0);
                if (afterIndex && f.widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && s[i] == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                argNumber();
                if (i < end && s[i] == '*') {
                    i++;
                    Integer pr = intFromArg();
                    f.precPresent = pr != null && pr >= 0;
                    f.prec = f.precPresent ? pr : 0;
                    if (!f.precPresent) {
                        p.add("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int pr = parseNum(end);
                    f.prec = Math.max(pr, 0);
                    f.precPresent = true;
                }
            }
            if (!afterIndex) {
                argNumber();
            }
            if (i >= end) {
                p.add("%!(NOVERB)");
                break;
            }
            int verb = s[i] & 0xff;
            int size = 1;
            if (verb >= 0x80) {
                int d = Utf8.decode(s, i, end);
                verb = Utf8.rune(d);
                size = Utf8.width(d);
            }
            i += size;
            if (verb == '%') {
                p.buf.add('%');
            } else if (!goodArgNum) {
                bang(verb, "BADINDEX");
            } else if (argNum >= a.size()) {
                bang(verb, "MISSING");
            } else {
                if (verb == 'v') {
                    f.sharpV = f.sharp;
                    f.sharp = false;
                    f.plusV = f.plus;
                    f.plus = false;
                }
                p.printArg(a.get(argNum++), verb);
            }
        }
        if (!reordered && argNum < a.size()) {
            f.clearFlags();
            p.add("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    p.add(", ");
                }
                Iface v = Printer.iface(a.get(k));
                if (v == null) {
                    p.add("<nil>");
                } else {
                    p.add(TypeNames.of(v.type()));
                    p.buf.add('=');
                    p.printArg(v, 'v');
                }
            }
            p.buf.add(')');
        }
    }

    /**
     * Reads flags at i. Returns true when a simple verb followed directly (the common case,
     * already printed); false when width, precision, an index or an odd verb follows.
     */
    private boolean flags() {
        for (; i < s.length; i++) {
            int c = s[i];
            switch (c) {
                case '#': f.sharp = true; break;
                case '0': f.zero = !f.minus; break;
                case '+': f.plus = true; break;
                case '-': f.minus = true; f.zero = false; break;
                case ' ': f.space = true; break;
                default:
                    if (c >= 'a' && c <= 'z' && argNum < a.size()) {
                        if (c == 'v') {
                            f.sharpV = f.sharp;
                            f.sharp = false;
                            f.plusV = f.plus;
                            f.plus = false;
                        }
                        p.printArg(a.get(argNum++), c);
                        i++;
                        return true;
                    }
                    return false;
            }
        }
        return false;
    }

    private void bang(int verb, String what) {
        p.add("%!");
        Utf8.encode(p.buf, verb);
        p.buf.add('(');
        p.add(what);
        p.buf.add(')');
    }
}
