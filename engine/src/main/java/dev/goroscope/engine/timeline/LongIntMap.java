package dev.goroscope.engine.timeline;

/**
 * An open-addressing hash map from non-zero {@code long} keys to non-negative {@code int}
 * values, stored in {@link Cow} arrays so that copying it for a checkpoint is cheap.
 *
 * <p>Linear probing with backward-shift deletion: no tombstones, so a map that sees many
 * inserts and removals (a heap being swept) never degrades. Key 0 marks an empty bucket;
 * addresses, goroutine ids and page numbers are never 0.
 */
final class LongIntMap {
    private static final int MIN_CAPACITY = 1 << 10;

    private final Cow.Meter meter;
    private Cow.Longs keys;
    private Cow.Ints vals;
    private int mask;
    private int size;

    LongIntMap(Cow.Meter meter) {
        this.meter = meter;
        alloc(MIN_CAPACITY);
    }

    private LongIntMap(LongIntMap o, Cow.Meter meter) {
        this.meter = meter;
        this.keys = o.keys.copy(meter);
        this.vals = o.vals.copy(meter);
        this.mask = o.mask;
        this.size = o.size;
    }

    LongIntMap copy(Cow.Meter m) {
        return new LongIntMap(this, m);
    }

    private void alloc(int cap) {
        keys = new Cow.Longs(meter);
        vals = new Cow.Ints(meter);
        keys.ensure(cap);
        vals.ensure(cap);
        mask = cap - 1;
    }

    private int home(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = keys.get(i);
            if (k == key) {
                return vals.get(i);
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** Maps {@code key} to {@code val}; returns the previous value or -1. */
    int put(long key, int val) {
        if (key == 0 || val < 0) {
            throw new IllegalArgumentException("key 0 or negative value");
        }
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = keys.get(i);
            if (k == key) {
                int old = vals.get(i);
                vals.set(i, val);
                return old;
            }
            if (k == 0) {
                keys.set(i, key);
                vals.set(i, val);
                if (++size > (mask + 1) / 10 * 6) {
                    rehash((mask + 1) * 2);
                }
                return -1;
            }
        }
    }

    /** Removes {@code key}; returns its value or -1. */
    int remove(long key) {
        int i = home(key);
        while (true) {
            long k = keys.get(i);
            if (k == 0) {
                return -1;
            }
            if (k == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        int old = vals.get(i);
        // Backward shift: pull later members of the probe run into the hole.
        int hole = i;
        for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
            long k = keys.get(j);
            if (k == 0) {
                break;
            }
            int h = home(k);
            boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
            if (movable) {
                keys.set(hole, k);
                vals.set(hole, vals.get(j));
                hole = j;
            }
        }
        keys.set(hole, 0);
        vals.set(hole, 0);
        size--;
        return old;
    }

    private void rehash(int cap) {
        Cow.Longs ok = keys;
        Cow.Ints ov = vals;
        int oldCap = mask + 1;
        alloc(cap);
        size = 0;
        for (int i = 0; i < oldCap; i++) {
            long k = ok.get(i);
            if (k != 0) {
                put(k, ov.get(i));
            }
        }
    }

    /** Calls {@code f} for every entry, in bucket order (not a meaningful order). */
    void forEach(Entry f) {
        for (int i = 0; i <= mask; i++) {
            long k = keys.get(i);
            if (k != 0) {
                f.accept(k, vals.get(i));
            }
        }
    }

    @FunctionalInterface
    interface Entry {
        void accept(long key, int val);
    }
}
