package dev.goroscope.engine.timeline;

import java.util.Arrays;

/** A global variable: a root, with the pointer values of its slots. */
public record GlobalView(String name, long addr, long[] slots) {
    public GlobalView {
        slots = slots.clone();
    }

    /** A copy: the snapshot stays immutable. */
    @Override
    public long[] slots() {
        return slots.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GlobalView)) {
            return false;
        }
        GlobalView g = (GlobalView) o;
        return name.equals(g.name) && addr == g.addr && Arrays.equals(slots, g.slots);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Long.hashCode(addr)) * 31 + Arrays.hashCode(slots);
    }

    @Override
    public String toString() {
        return name + "@0x" + Long.toHexString(addr) + " " + Arrays.toString(slots);
    }
}
