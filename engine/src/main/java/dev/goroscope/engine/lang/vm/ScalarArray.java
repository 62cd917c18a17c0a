package dev.goroscope.engine.lang.vm;

import java.util.Arrays;

/**
 * A Go array of scalars ({@code [1024]byte}, {@code [256]int}). A deep recursion may have half
 * a million such arrays on its stacks at once, most of them barely touched, so the array keeps
 * only the elements written (unwritten ones are zero) until a quarter of it is in use, and then
 * becomes a dense {@code long[]}. The simulated stack still accounts for every byte of it; only
 * the interpreter's memory is spared.
 */
public final class ScalarArray {
    private final int len;
    private long[] dense;
    private int[] keys;
    private long[] vals;
    private int count;

    public ScalarArray(int len) {
        this.len = len;
        if (len <= 32) {
            dense = new long[len];
        }
    }

    public int len() {
        return len;
    }

    public long get(int i) {
        if (dense != null) {
            return dense[i];
        }
        for (int k = 0; k < count; k++) {
            if (keys[k] == i) {
                return vals[k];
            }
        }
        return 0;
    }

    public void set(int i, long v) {
        if (dense != null) {
            dense[i] = v;
            return;
        }
        for (int k = 0; k < count; k++) {
            if (keys[k] == i) {
                vals[k] = v;
                return;
            }
        }
        if (keys == null) {
            keys = new int[4];
            vals = new long[4];
        } else if (count == keys.length) {
            if (count * 4 >= len) {
                densify();
                dense[i] = v;
                return;
            }
            keys = Arrays.copyOf(keys, count * 2);
            vals = Arrays.copyOf(vals, count * 2);
        }
        keys[count] = i;
        vals[count++] = v;
    }

    private void densify() {
        dense = new long[len];
        for (int k = 0; k < count; k++) {
            dense[keys[k]] = vals[k];
        }
        keys = null;
        vals = null;
    }

    /** A value copy (Go arrays are values). */
    public ScalarArray copy() {
        ScalarArray c = new ScalarArray(len);
        if (dense != null) {
            c.dense = dense.clone();
        } else if (keys != null) {
            c.dense = null;
            c.keys = keys.clone();
            c.vals = vals.clone();
            c.count = count;
        }
        return c;
    }

    /** All elements, for printing. */
    public long[] toArray() {
        if (dense != null) {
            return dense.clone();
        }
        long[] a = new long[len];
        for (int k = 0; k < count; k++) {
            a[keys[k]] = vals[k];
        }
        return a;
    }
}
