package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.runtime.FuncInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Code}: emits instructions, allocates registers and constants, and patches
 * forward jumps through labels. A call to a function not yet compiled takes a placeholder
 * constant that the compiler replaces ({@link Code#consts()} is the array it fills in).
 */
public final class Asm {
    private final String name;
    private int[] ops = new int[64];
    private int[] lines = new int[64];
    private int n;
    private final List<Object> consts = new ArrayList<>();
    private int nint;
    private int nref;
    /** The most registers of each file live at once: the frame's register file sizes. */
    private int maxInt;
    private int maxRef;
    private int line;
    private final List<int[]> fixups = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    public Asm(String name) {
        this.name = name;
    }

    public int newInt() {
        maxInt = Math.max(maxInt, nint + 1);
        return nint++;
    }

    public int newRef() {
        maxRef = Math.max(maxRef, nref + 1);
        return nref++;
    }

    /** The registers allocated so far, for {@link #release}. */
    public long mark() {
        return (long) nint << 32 | nref;
    }

    /**
     * Frees every register allocated since {@code mark}: the compiler calls this when the
     * statement or block that owned them ends, so a function's register files are as large as
     * its deepest nesting, not its length. Each Go frame on the interpreter's stack costs that
     * much Java heap, which is what lets a 16-million-deep recursion fit.
     */
    public void release(long mark) {
        nint = (int) (mark >>> 32);
        nref = (int) mark;
    }

    /** The next free register of each file (registers allocated after this are consecutive). */
    public int ints() {
        return nint;
    }

    public int refs() {
        return nref;
    }

    /** Sets the source line recorded for the following instructions. */
    public void line(int l) {
        line = l;
    }

    public int constant(Object v) {
        consts.add(v);
        return consts.size() - 1;
    }

    /** Emits an instruction. */
    public void emit(int op, int... args) {
        if (args.length != Op.arity(op)) {
            throw new IllegalArgumentException("opcode " + op + " takes " + Op.arity(op) + " operands");
        }
        ensure(1 + args.length);
        lines[n] = line;
        ops[n++] = op;
        for (int a : args) {
            ops[n++] = a;
        }
    }

    /**
     * Emits a call instruction recorded at {@code at}, the line of the call's opening
     * parenthesis, which is where gc places a call (so a traceback names that line even when
     * the statement spans several); the following instructions keep the statement's line.
     */
    public void emitAt(int at, int op, int... args) {
        int keep = line;
        line = at;
        emit(op, args);
        line = keep;
    }

    /** A new, unplaced label. */
    public int label() {
        labels.add(-1);
        return labels.size() - 1;
    }

    /** Places a label at the next instruction. */
    public void place(int label) {
        labels.set(label, n);
    }

    /** JMP/JT/JF to a label (patched when the code is built). */
    public void jump(int op, int reg, int label) {
        if (op == Op.JMP) {
            emit(Op.JMP, 0);
            fixups.add(new int[] {n - 1, label});
        } else {
            emit(op, reg, 0);
            fixups.add(new int[] {n - 1, label});
        }
    }

    public int pc() {
        return n;
    }

    public Code build(FuncInfo frame, int paramInts, int paramRefs, int resultInts, int resultRefs) {
        return build(frame, paramInts, paramRefs, resultInts, resultRefs, 0);
    }

    /** As {@link #build(FuncInfo, int, int, int, int)}, for a closure whose last {@code captures} refs are captures. */
    public Code build(FuncInfo frame, int paramInts, int paramRefs, int resultInts, int resultRefs, int captures) {
        for (int[] f : fixups) {
            int target = labels.get(f[1]);
            if (target < 0) {
                throw new IllegalStateException("label " + f[1] + " never placed in " + name);
            }
            ops[f[0]] = target;
        }
        return new Code(name, frame, maxInt, maxRef, Arrays.copyOf(ops, n), consts.toArray(), Arrays.copyOf(lines, n),
                paramInts, paramRefs, resultInts, resultRefs, captures);
    }

    private void ensure(int k) {
        if (n + k > ops.length) {
            ops = Arrays.copyOf(ops, Math.max(ops.length * 2, n + k));
            lines = Arrays.copyOf(lines, ops.length);
        }
    }
}
