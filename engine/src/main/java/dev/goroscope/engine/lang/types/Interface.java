package dev.goroscope.engine.lang.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code interface{...}}: explicitly declared methods (as {@link Func}s without bodies) and
 * embedded interface types. The full method set ({@link #methods()}) is computed on first use,
 * after the checker has resolved every embedded type, and sorted by name as Go's itabs are.
 */
public final class Interface implements Type {

    /** The predeclared {@code any} (printed as such). */
    public static final Interface ANY = new Interface(List.of(), List.of());

    private final List<Func> explicit;
    private final List<Type> embeddeds;
    private List<Func> all;

    public Interface(List<Func> explicit, List<Type> embeddeds) {
        this.explicit = List.copyOf(explicit);
        this.embeddeds = List.copyOf(embeddeds);
    }

    public List<Func> explicitMethods() {
        return explicit;
    }

    public List<Type> embeddeds() {
        return embeddeds;
    }

    /** Every method, declared or embedded, sorted by name. */
    public List<Func> methods() {
        if (all == null) {
            Map<String, Func> acc = new LinkedHashMap<>();
            collect(this, acc, new IdentityHashMap<>());
            List<Func> ms = new ArrayList<>(acc.values());
            ms.sort(Comparator.comparing(Func::name));
            all = List.copyOf(ms);
        }
        return all;
    }

    private static void collect(Interface t, Map<String, Func> acc, Map<Interface, Boolean> seen) {
        if (seen.put(t, Boolean.TRUE) != null) {
            return; // an invalid cycle the checker already reported
        }
        for (Func f : t.explicit) {
            acc.putIfAbsent(f.name(), f);
        }
        for (Type e : t.embeddeds) {
            if (e.underlying() instanceof Interface) {
                collect((Interface) e.underlying(), acc, seen);
            }
        }
    }

    /** The method with this name, or null. */
    public Func method(String name) {
        for (Func f : methods()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return methods().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Interface)) {
            return false;
        }
        List<Func> a = methods();
        List<Func> b = ((Interface) o).methods();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || !a.get(i).type().equals(b.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 3;
        for (Func f : methods()) {
            h = h * 31 + f.name().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
