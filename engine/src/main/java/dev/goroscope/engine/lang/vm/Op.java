package dev.goroscope.engine.lang.vm;

/**
 * The instruction set. Each instruction is an opcode followed by a fixed number of int
 * operands in {@link Code#ops}. Operands name registers: {@code i} registers hold scalars (every
 * integer kind, bool as 0/1, float64 as raw bits), {@code r} registers hold references (strings,
 * slices, structs, pointers, interfaces...). {@code k} operands index {@link Code#consts}.
 */
public final class Op {
    private Op() {}

    // Moves and constants.
    public static final int MOVI = 0;      // i[a] = i[b]
    public static final int MOVR = 1;      // r[a] = r[b]
    public static final int LDI = 2;       // i[a] = (long) consts[k]
    public static final int LDR = 3;       // r[a] = consts[k]
    // Integer arithmetic: i[a] = i[b] op i[c].
    public static final int ADD = 10;
    public static final int SUB = 11;
    public static final int MUL = 12;
    public static final int DIV = 13;      // panics on zero: integer divide by zero
    public static final int REM = 14;
    public static final int AND = 15;
    public static final int OR = 16;
    public static final int XOR = 17;
    public static final int SHL = 18;
    public static final int SHR = 19;      // arithmetic
    public static final int SHRU = 20;     // logical (unsigned operand)
    public static final int ANDNOT = 21;
    public static final int DIVU = 22;
    public static final int REMU = 23;
    public static final int NEG = 24;      // i[a] = -i[b]
    public static final int NOT = 25;      // i[a] = i[b] == 0 ? 1 : 0
    public static final int COMPL = 26;    // i[a] = ~i[b]
    public static final int WRAP = 27;     // i[a] = wrap(i[b], kind c): truncate to the kind's width
    public static final int ADDK = 28;     // i[a] = i[b] + c (c is a small immediate)
    // Integer comparison: i[a] = (i[b] op i[c]) ? 1 : 0.
    public static final int EQ = 30;
    public static final int NE = 31;
    public static final int LT = 32;
    public static final int LE = 33;
    public static final int LTU = 34;
    public static final int LEU = 35;
    // float64 on raw bits.
    public static final int FADD = 40;
    public static final int FSUB = 41;
    public static final int FMUL = 42;
    public static final int FDIV = 43;
    public static final int FNEG = 44;
    public static final int FEQ = 45;
    public static final int FLT = 46;
    public static final int FLE = 47;
    public static final int I2F = 48;      // i[a] = bits((double) i[b])
    public static final int F2I = 49;      // i[a] = (long) double(i[b])
    public static final int U2F = 50;      // unsigned int to float
    // Strings.
    public static final int CONCAT = 60;   // r[a] = r[b] + r[c]
    public static final int SEQ = 61;      // i[a] = r[b] equals r[c]
    public static final int SLT = 62;      // i[a] = r[b] < r[c] bytewise
    public static final int SLEN = 63;     // i[a] = len(r[b])
    public static final int SINDEX = 64;   // i[a] = r[b][i[c]] (bounds-checked)
    public static final int REQ = 65;      // i[a] = r[b] == r[c] (identity: pointers, channels, nil)
    public static final int BOUNDS = 140;  // index check of i[b] against length c (a store gc deleted); a unused
    // Control.
    public static final int JMP = 70;      // pc = a
    public static final int JT = 71;       // if i[a] != 0: pc = b
    public static final int JF = 72;       // if i[a] == 0: pc = b
    public static final int CALL = 73;     // call consts[k]=Code; args from i[b..], r[c..]; results to i[d..], r[e..]
    public static final int RET = 74;      // results from i[a..], r[b..]
    public static final int NATIVE = 75;   // consts[k] = Native; args i[b..], r[c..]; results i[d..], r[e..]
    public static final int PANIC = 76;    // panic(r[a])
    public static final int GO = 77;       // go consts[k](args from i[b..], r[c..]); d, e unused
    public static final int CALLV = 78;    // call the FuncV in r[a]: args i[b..], r[c..]; results i[d..], r[e..]
    public static final int GOV = 79;      // go the FuncV in r[a](args i[b..], r[c..]); d, e unused
    public static final int CALLI = 94;    // call method consts[k] (a MethodTable.Site) of the interface
                                           // value in the site's register: args i[b..], r[c..]; results i[d..], r[e..]
    // Arrays of scalars, held in r registers as ScalarArray.
    public static final int NEWARR = 80;   // r[a] = new ScalarArray(c)
    public static final int ALOAD = 81;    // i[a] = r[b][i[c]] (bounds-checked)
    public static final int ASTORE = 82;   // r[a][i[b]] = i[c] (bounds-checked)
    public static final int ALEN = 83;     // i[a] = len(r[b])
    public static final int ACOPY = 84;    // r[a] = a copy of the array or struct value in r[b]
    // Globals (package-level variables).
    public static final int GLDI = 90;     // i[a] = globals.i[b]
    public static final int GSTI = 91;     // globals.i[a] = i[b]
    public static final int GLDR = 92;     // r[a] = globals.r[b]
    public static final int GSTR = 93;     // globals.r[a] = r[b]
    // Deferred calls (Defers).
    public static final int DEFERRETURN = 100; // run this frame's pending deferred calls, then go on; a unused
    public static final int DEFERLOOP = 101;   // one step of a runtime frame's loop (deferreturn, gopanic, Goexit)

    /** Operand count of each opcode. */
    static int arity(int op) {
        switch (op) {
            case JMP:
                return 1;
            case MOVI: case MOVR: case LDI: case LDR: case NEG: case NOT: case COMPL: case JT: case JF:
            case FNEG: case I2F: case F2I: case U2F: case SLEN: case RET: case ALEN: case ACOPY:
            case GLDI: case GSTI: case GLDR: case GSTR:
                return 2;
            case CALL: case NATIVE: case GO: case CALLV: case GOV: case CALLI:
                return 5;
            case PANIC: case DEFERRETURN: case DEFERLOOP:
                return 1;
            default:
                return 3;
        }
    }
}
