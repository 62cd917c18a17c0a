package dev.goroscope.engine.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global variables a program declared: roots the collector scans first. There are few, so a
 * copy duplicates the list and shares each global's slots copy-on-write.
 */
final class Globals {
    /** One global; {@code slots} is cloned before a store when {@code owner} is not ours. */
    static final class Global {
        final String name;
        final long addr;
        long[] slots;
        int owner;

        Global(String name, long addr, long[] slots, int owner) {
            this.name = name;
            this.addr = addr;
            this.slots = slots;
            this.owner = owner;
        }
    }

    private final List<Global> list;
    private final Map<Long, Integer> byAddr;
    private int gen;

    Globals() {
        list = new ArrayList<>();
        byAddr = new HashMap<>();
        gen = Cow.freshGeneration();
    }

    private Globals(Globals o) {
        list = new ArrayList<>(o.list);
        byAddr = new HashMap<>(o.byAddr);
        gen = Cow.freshGeneration();
    }

    Globals copy() {
        gen = Cow.freshGeneration();
        return new Globals(this);
    }

    List<Global> all() {
        return list;
    }

    void declare(String name, long addr, int nptrs) {
        if (byAddr.containsKey(addr)) {
            throw new IllegalStateException("two globals at 0x" + Long.toHexString(addr));
        }
        byAddr.put(addr, list.size());
        list.add(new Global(name, addr, new long[nptrs], gen));
    }

    /** Undoes the newest declaration, which must be at {@code addr}. */
    void undeclare(long addr) {
        int last = list.size() - 1;
        if (last < 0 || list.get(last).addr != addr) {
            throw new IllegalStateException("undo of global 0x" + Long.toHexString(addr) + ", not the newest");
        }
        list.remove(last);
        byAddr.remove(addr);
    }

    /** Stores {@code value} in slot {@code i} of the global at {@code addr}, which must hold {@code expect}. */
    void store(long addr, int i, long expect, long value) {
        Integer k = byAddr.get(addr);
        if (k == null) {
            throw new IllegalStateException("no global at 0x" + Long.toHexString(addr));
        }
        Global g = list.get(k);
        if (g.slots[i] != expect) {
            throw new IllegalStateException("global " + g.name + " slot " + i + " does not hold 0x"
                    + Long.toHexString(expect));
        }
        if (g.owner != gen) {
            g = new Global(g.name, g.addr, g.slots.clone(), gen);
            list.set(k, g);
        }
        g.slots[i] = value;
    }
}
