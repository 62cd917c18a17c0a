package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeStrings;
import dev.goroscope.engine.lang.vm.MethodTable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a dynamic type implements an interface type, checked at run time against the method
 * tables as the runtime's {@code itab} initialisation does ({@code getitab}): each of the
 * interface's methods, in name order, must be in the type's method set with the same name and
 * type. The answer for a type is remembered, as the runtime caches itabs.
 */
final class Implements {
    private final MethodTable table;
    private final String[] names;
    private final String[] signatures;
    private final Map<RType, String> missing = new IdentityHashMap<>();

    Implements(MethodTable table, Type iface) {
        this.table = table;
        List<Func> ms = ((Interface) iface.underlying()).methods();
        names = new String[ms.size()];
        signatures = new String[ms.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = ms.get(k).name();
            signatures[k] = TypeStrings.runtime(ms.get(k).type());
        }
    }

    /** The first of the interface's methods that {@code t} lacks, or null if it has them all. */
    String missing(RType t) {
        String m = missing.get(t);
        if (m == null) {
            m = "";
            Map<String, MethodTable.Method> have = table.methods(t);
            for (int k = 0; k < names.length; k++) {
                MethodTable.Method h = have.get(names[k]);
                if (h == null || !h.signature().equals(signatures[k])) {
                    m = names[k];
                    break;
                }
            }
            missing.put(t, m);
        }
        return m.isEmpty() ? null : m;
    }

    boolean implementedBy(RType t) {
        return missing(t) == null;
    }
}
