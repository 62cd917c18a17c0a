package dev.goroscope.engine.runtime;

/**
 * One activation record on a goroutine stack. The frame occupies {@code [sp, sp + frameSize)}
 * with the caller's return address just above it; pointer slot {@code i} lives at
 * {@code sp + 8*i}. A slot holds 0, a heap address, or an address inside this same stack
 * (a pointer to another local): only the last kind is adjusted when the stack moves (§2.3).
 */
public final class Frame {
    final FuncInfo fn;
    long sp;
    final long[] slots;

    Frame(FuncInfo fn, long sp) {
        this.fn = fn;
        this.sp = sp;
        this.slots = fn.ptrSlots() == 0 ? EMPTY : new long[fn.ptrSlots()];
    }

    private static final long[] EMPTY = new long[0];

    public FuncInfo fn() {
        return fn;
    }

    public long sp() {
        return sp;
    }

    /** Address of pointer slot {@code i}. */
    public long slotAddr(int i) {
        return sp + (long) i * Sys.PTR_SIZE;
    }

    public long slot(int i) {
        return slots[i];
    }

    public int slotCount() {
        return slots.length;
    }

    long[] slotsCopy() {
        return slots.length == 0 ? EMPTY : slots.clone();
    }
}
