package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.StackEvent;

/**
 * The program's memory operations behind {@link GoRuntime}: allocation, pointer stores and
 * loads on heap objects, globals and stack slots. Heap and global stores go through the write
 * barrier; stack stores do not (§4.4). A pointer into a stack may live only in that same stack
 * (escape analysis, §2.3), and using a pointer to an object the collector lost ends the run.
 */
final class Mutator {
    private final GoRuntime rt;

    Mutator(GoRuntime rt) {
        this.rt = rt;
    }

    /** Declares a global with {@code nptrs} pointer slots; returns its address. */
    long declareGlobal(String name, int nptrs) {
        long addr = Sys.GLOBALS_BASE;
        for (Global g : rt.globals) {
            addr += Math.max(g.slots().length, 1) * (long) Sys.PTR_SIZE;
        }
        rt.globals.add(new Global(name, addr, new long[nptrs]));
        rt.gc.pacer.globalsScan += Math.max(nptrs, 1) * (long) Sys.PTR_SIZE; // addGlobals
        rt.sink.emit(new HeapEvent.GlobalDeclared(name, addr, nptrs));
        return addr;
    }

    /**
     * {@code mallocgc}: allocates an object; black while the GC marks; may start a cycle when
     * the heap reaches the trigger, and makes the goroutine assist if it allocates during mark.
     */
    long alloc(Goroutine g, long size, int nptrs, String typeName) {
        rt.run(g);
        // Go tests the trigger after allocating, while the new pointer is live in a register;
        // testing first and allocating black has the same effect without a white object that
        // no root holds yet.
        if (rt.settings.pacedGc() && rt.gc.heapTriggered()) {
            rt.gc.gcStart("heap", false);
        }
        long spans = rt.pages.sysUsedSpans();
        long dirty = rt.pages.dirtyBytes();
        long faults = rt.pages.faultBytes();
        HeapObject o = rt.heap.mallocgc(size, nptrs, typeName, rt.gcphase.allocateBlack(), g.id);
        rt.spend(GcCosts.malloc(o.elemSize) + GcCosts.pages(rt.pages.sysUsedSpans() - spans,
                rt.pages.dirtyBytes() - dirty, rt.pages.faultBytes() - faults) + rt.scavenger.owedNs);
        rt.scavenger.owedNs = 0;
        if (g.pinning) {
            if (g.npins == g.pins.length) {
                g.pins = java.util.Arrays.copyOf(g.pins, g.npins * 2);
            }
            g.pins[g.npins++] = o.addr;
        }
        if (rt.gcphase.allocateBlack()) {
            rt.gc.noteBlackAlloc(o);
        }
        rt.gc.allocated(g, o);
        return o.addr;
    }

    /** {@code obj.field = value}: a heap pointer store, through the write barrier. */
    Void store(Goroutine g, long obj, int field, long value) {
        rt.run(g);
        HeapObject h = deref(obj);
        checkStored(value);
        long old = h.fields[field];
        rt.gc.barrier.write(g, h.addr, field, old, value);
        h.fields[field] = value;
        rt.sink.emit(new HeapEvent.PointerWritten(h.addr, false, field, old, value, g.id, rt.gcphase.writeBarrierOn()));
        return null;
    }

    /** Loads {@code obj.field}; using a pointer to an object the GC lost ends the run. */
    long load(Goroutine g, long obj, int field) {
        rt.run(g);
        long v = deref(obj).fields[field];
        if (v != 0) {
            deref(v);
        }
        return v;
    }

    /** A store into a global's pointer slot, through the write barrier. */
    Void storeGlobal(Goroutine g, long addr, int slot, long value) {
        rt.run(g);
        Global gl = global(addr);
        checkStored(value);
        long old = gl.slots()[slot];
        rt.gc.barrier.write(g, gl.addr(), slot, old, value);
        gl.slots()[slot] = value;
        rt.sink.emit(new HeapEvent.PointerWritten(gl.addr(), true, slot, old, value, g.id, rt.gcphase.writeBarrierOn()));
        return null;
    }

    long loadGlobal(Goroutine g, long addr, int slot) {
        rt.run(g);
        long v = global(addr).slots()[slot];
        if (v != 0) {
            deref(v);
        }
        return v;
    }

    /**
     * A store into pointer slot {@code slot} of frame {@code depth}: no write barrier. The
     * value may point to the heap or into this goroutine's own stack.
     */
    Void storeSlot(Goroutine g, int depth, int slot, long value) {
        rt.run(g);
        if (value != 0 && !(value >= g.lo && value < g.hi)) {
            checkStored(value);
        }
        Frame f = g.frames.get(depth);
        long old = f.slots[slot];
        f.slots[slot] = value;
        rt.sink.emit(new StackEvent.SlotWritten(g.id, depth, slot, old, value));
        return null;
    }

    long loadSlot(Goroutine g, int depth, int slot) {
        rt.run(g);
        long v = g.frames.get(depth).slots[slot];
        if (v != 0 && !(v >= g.lo && v < g.hi)) {
            deref(v);
        }
        return v;
    }

    private Global global(long addr) {
        for (Global gl : rt.globals) {
            if (gl.addr() == addr) {
                return gl;
            }
        }
        throw new IllegalArgumentException("no global at 0x" + Long.toHexString(addr));
    }

    /** The object at {@code addr}; a lost one is a fatal error, anything else a driver bug. */
    private HeapObject deref(long addr) {
        HeapObject h = rt.heap.findObject(addr);
        if (h == null) {
            rt.gc.checkLost(addr, 0);
            throw new IllegalArgumentException("0x" + Long.toHexString(addr) + " is not a heap object");
        }
        return h;
    }

    /** Escape analysis guarantees heap and globals never point into a stack. */
    private void checkStored(long value) {
        if (value == 0) {
            return;
        }
        Span s = rt.pages.spanOf(value);
        if (s != null && s.kind().isStack()) {
            throw new IllegalArgumentException("a heap object or global cannot point into a stack");
        }
        deref(value);
    }
}
