package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.Values;

/** Go's value semantics for arrays and structs: assignment and passing copy them. */
final class ValueCopy {
    private ValueCopy() {}

    static Object of(Object v) {
        if (v instanceof ScalarArray a) {
            return a.copy();
        }
        if (v instanceof Values.StructV s) {
            Object[] f = s.fields().clone();
            for (int k = 0; k < f.length; k++) {
                f[k] = of(f[k]);
            }
            return new Values.StructV(s.type(), f);
        }
        return v;
    }
}
