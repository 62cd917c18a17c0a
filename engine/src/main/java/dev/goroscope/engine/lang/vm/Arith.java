package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.GoString;

/** The less frequent instructions, and Go's arithmetic rules that need more than one Java operator. */
final class Arith {
    private Arith() {}

    /** Kinds for {@link Op#WRAP}. */
    static final int I8 = 1;
    static final int I16 = 2;
    static final int I32 = 3;
    static final int U8 = 4;
    static final int U16 = 5;
    static final int U32 = 6;

    static long div(int op, long a, long b) {
        if (b == 0) {
            throw GoPanic.runtimeError("integer divide by zero");
        }
        switch (op) {
            case Op.DIV:
                return a / b; // Long.MIN_VALUE / -1 wraps, as in Go
            case Op.REM:
                return a % b;
            case Op.DIVU:
                return Long.divideUnsigned(a, b);
            default:
                return Long.remainderUnsigned(a, b);
        }
    }

    /** Go shifts: counts of 64 or more give 0 (or the sign for >> of a negative signed value). */
    static long shift(int op, long a, long n) {
        if (n < 0) {
            throw GoPanic.runtimeError("negative shift amount");
        }
        if (n >= 64) {
            return op == Op.SHR && a < 0 ? -1 : 0;
        }
        switch (op) {
            case Op.SHL:
                return a << n;
            case Op.SHR:
                return a >> n;
            default:
                return a >>> n;
        }
    }

    static long wrap(long v, int kind) {
        switch (kind) {
            case I8:
                return (byte) v;
            case I16:
                return (short) v;
            case I32:
                return (int) v;
            case U8:
                return v & 0xffL;
            case U16:
                return v & 0xffffL;
            case U32:
                return v & 0xffff_ffffL;
            default:
                return v;
        }
    }

    /** A bounds check with Go's message. */
    static int index(long i, int len) {
        if (i < 0 || i >= len) {
            throw GoPanic.runtimeError("index out of range [" + i + "]" + (i < 0 ? "" : " with length " + len)); // boundsNegErrorFmt for a negative index
        }
        return (int) i;
    }

    /** Float, conversion and string instructions; returns the next pc. */
    static int other(int op, int[] ops, int pc, long[] i, Object[] r) {
        int a = ops[pc + 1];
        switch (op) {
            case Op.FADD -> i[a] = bits(d(i[ops[pc + 2]]) + d(i[ops[pc + 3]]));
            case Op.FSUB -> i[a] = bits(d(i[ops[pc + 2]]) - d(i[ops[pc + 3]]));
            case Op.FMUL -> i[a] = bits(d(i[ops[pc + 2]]) * d(i[ops[pc + 3]]));
            case Op.FDIV -> i[a] = bits(d(i[ops[pc + 2]]) / d(i[ops[pc + 3]]));
            case Op.FEQ -> i[a] = d(i[ops[pc + 2]]) == d(i[ops[pc + 3]]) ? 1 : 0;
            case Op.FLT -> i[a] = d(i[ops[pc + 2]]) < d(i[ops[pc + 3]]) ? 1 : 0;
            case Op.FLE -> i[a] = d(i[ops[pc + 2]]) <= d(i[ops[pc + 3]]) ? 1 : 0;
            case Op.FNEG -> {
                i[a] = bits(-d(i[ops[pc + 2]]));
                return pc + 3;
            }
            case Op.I2F -> {
                i[a] = bits((double) i[ops[pc + 2]]);
                return pc + 3;
            }
            case Op.U2F -> {
                long v = i[ops[pc + 2]];
                double dv = v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
                i[a] = bits(dv);
                return pc + 3;
            }
            case Op.F2I -> {
                i[a] = (long) d(i[ops[pc + 2]]);
                return pc + 3;
            }
            case Op.CONCAT -> r[a] = ((GoString) r[ops[pc + 2]]).concat((GoString) r[ops[pc + 3]]);
            case Op.SEQ -> i[a] = r[ops[pc + 2]].equals(r[ops[pc + 3]]) ? 1 : 0;
            case Op.REQ -> i[a] = r[ops[pc + 2]] == r[ops[pc + 3]] ? 1 : 0;
            case Op.SLT -> i[a] = ((GoString) r[ops[pc + 2]]).compareTo((GoString) r[ops[pc + 3]]) < 0 ? 1 : 0;
            case Op.SLEN -> {
                i[a] = ((GoString) r[ops[pc + 2]]).len();
                return pc + 3;
            }
            case Op.BOUNDS -> index(i[ops[pc + 2]], ops[pc + 3]);
            case Op.SINDEX -> {
                GoString s = (GoString) r[ops[pc + 2]];
                i[a] = s.byteAt(index(i[ops[pc + 3]], s.len()));
            }
            default -> throw new IllegalStateException("bad opcode " + op + " at " + pc);
        }
        return pc + 4;
    }

    static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
