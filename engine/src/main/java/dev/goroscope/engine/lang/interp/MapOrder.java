package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.runtime.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The key order fmt prints maps in (Go's {@code internal/fmtsort}): numbers numerically
 * (unsigned kinds as unsigned, NaN before every other float), strings byte-wise, false
 * before true, pointers and channels by address, structs and arrays field by field or
 * element by element, interfaces nil first, then by dynamic type, then by value.
 *
 * <p>Go orders interface keys of different dynamic types by the addresses of their type
 * descriptors, which depend on the linker; here they are ordered by type string instead.
 * NaN keys compare equal to each other so that the order stays a total one.
 */
final class MapOrder {
    private MapOrder() {}

    /** The entries of m in fmt's order. */
    static List<Map.Entry<Object, Object>> sorted(Values.MapV m, RType key) {
        List<Map.Entry<Object, Object>> es = new ArrayList<>(m.entries.entrySet());
        Comparator<Map.Entry<Object, Object>> c = (a, b) -> compare(key, a.getKey(), b.getKey());
        es.sort(c);
        return es;
    }

    static int compare(RType t, Object a, Object b) {
        if (t instanceof RType.Basic bt) {
            RType.Kind k = bt.kind();
            if (k == RType.Kind.BOOL) {
                return Boolean.compare((Boolean) a, (Boolean) b);
            }
            if (k == RType.Kind.STRING) {
                return java.util.Arrays.compareUnsigned(Printer.bytesOf(a), Printer.bytesOf(b));
            }
            if (k.isFloat()) {
                double x = ((Number) a).doubleValue();
                double y = ((Number) b).doubleValue();
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
                }
                return x < y ? -1 : x > y ? 1 : 0;
            }
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            return k.isUnsigned() ? Long.compareUnsigned(x, y) : Long.compare(x, y);
        }
        if (t instanceof RType.StructT st) {
            Object[] fa = ((Values.StructV) a).fields();
            Object[] fb = ((Values.StructV) b).fields();
            for (int i = 0; i < fa.length; i++) {
                int c = compare(st.fields().get(i).type(), fa[i], fb[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (t instanceof RType.ArrayT at) {
            Object[] ea = ((Values.ArrayV) a).elems();
            Object[] eb = ((Values.ArrayV) b).elems();
            for (int i = 0; i < ea.length; i++) {
                int c = compare(at.elem(), ea[i], eb[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (t instanceof RType.IfaceT) {
            Values.Iface x = Printer.iface(a);
            Values.Iface y = Printer.iface(b);
            if (x == null || y == null) {
                return Boolean.compare(x != null, y != null);
            }
            int c = TypeNames.of(x.type()).compareTo(TypeNames.of(y.type()));
            return c != 0 ? c : compare(x.type(), x.value(), y.value());
        }
        return Long.compareUnsigned(address(a), address(b));
    }

    /** The address of a pointer-shaped value, 0 for nil. */
    static long address(Object v) {
        if (v instanceof Values.Ref r) {
            return r.addr();
        } else if (v instanceof Channel c) {
            return c.addr();
        } else if (v instanceof Values.MapV m) {
            return m.addr;
        } else if (v instanceof Values.FuncV f) {
            return f.addr();
        } else if (v instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }
}
