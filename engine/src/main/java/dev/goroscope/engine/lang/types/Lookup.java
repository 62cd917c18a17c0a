package dev.goroscope.engine.lang.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field and method lookup through embedded fields (spec, "Selectors"): the shallowest depth at
 * which the name occurs wins, and two occurrences at that depth make the selector ambiguous.
 * Also method sets (spec, "Method sets") and interface satisfaction.
 */
public final class Lookup {

    private Lookup() {
    }

    /**
     * A lookup's outcome. {@code obj} is a field {@link Var} or a method {@link Func}; null with
     * {@code ambiguous} false means "no such field or method". {@code path} holds the field
     * indices of each embedded field walked through, then the index of the final field (in its
     * struct) or method (in its named type's or interface's method list). {@code indirect} is
     * whether a pointer was followed on the way (including a pointer receiver type itself).
     */
    public record Result(Obj obj, List<Integer> path, boolean indirect, boolean ambiguous) {
        static final Result NONE = new Result(null, List.of(), false, false);

        public boolean found() {
            return obj != null;
        }

        public boolean isField() {
            return obj instanceof Var;
        }
    }

    private record Entry(Type type, List<Integer> path, boolean indirect, boolean multiple) {}

    /** Looks up {@code name} in {@code t}'s fields and methods (t may be a pointer to a named type). */
    public static Result find(Type t, String name) {
        if (name.equals("_") || t == null) {
            return Result.NONE;
        }
        boolean methodsAllowed = true;
        boolean indirect = false;
        Type typ = t;
        if (t instanceof Named && t.underlying() instanceof Pointer) {
            methodsAllowed = false; // a named pointer type has no methods, only its base's fields
            typ = ((Pointer) t.underlying()).elem();
            indirect = true;
        } else if (t instanceof Pointer) {
            typ = ((Pointer) t).elem();
            indirect = true;
            if (typ.underlying() instanceof Interface || typ.underlying() instanceof Pointer) {
                return Result.NONE; // no auto-dereference to reach an interface's methods
            }
        }
        List<Entry> current = List.of(new Entry(typ, List.of(), indirect, false));
        Map<Named, Boolean> seen = new IdentityHashMap<>();
        while (!current.isEmpty()) {
            Result hit = null;
            int hits = 0;
            List<Entry> next = new ArrayList<>();
            for (Entry e : current) {
                Type et = e.type;
                if (et instanceof Named) {
                    Named n = (Named) et;
                    if (seen.put(n, Boolean.TRUE) != null) {
                        continue;
                    }
                    List<Func> ms = n.methods();
                    for (int i = 0; i < ms.size(); i++) {
                        if (ms.get(i).name().equals(name)) {
                            hits += e.multiple ? 2 : 1;
                            hit = new Result(ms.get(i), append(e.path, i), e.indirect, false);
                        }
                    }
                    et = n.underlying();
                }
                if (et instanceof Struct) {
                    List<Var> fs = ((Struct) et).fields();
                    for (int i = 0; i < fs.size(); i++) {
                        Var f = fs.get(i);
                        if (f.name().equals(name)) {
                            hits += e.multiple ? 2 : 1;
                            hit = new Result(f, append(e.path, i), e.indirect, false);
                        } else if (f.embedded()) {
                            Type ft = f.type();
                            boolean ptr = false;
                            if (ft instanceof Pointer) {
                                ft = ((Pointer) ft).elem();
                                ptr = true;
                            }
                            next.add(new Entry(ft, append(e.path, i), e.indirect || ptr, e.multiple));
                        }
                    }
                } else if (et instanceof Interface) {
                    List<Func> ms = ((Interface) et).methods();
                    for (int i = 0; i < ms.size(); i++) {
                        if (ms.get(i).name().equals(name)) {
                            hits += e.multiple ? 2 : 1;
                            hit = new Result(ms.get(i), append(e.path, i), e.indirect, false);
                        }
                    }
                }
            }
            if (hits > 1) {
                return new Result(null, List.of(), false, true);
            }
            if (hit != null) {
                if (!methodsAllowed && hit.obj instanceof Func) {
                    return Result.NONE;
                }
                return hit;
            }
            current = consolidate(next);
        }
        return Result.NONE;
    }

    /** The same named type reached twice at one depth is marked so a hit inside it is ambiguous. */
    private static List<Entry> consolidate(List<Entry> es) {
        List<Entry> out = new ArrayList<>();
        Map<Type, Integer> at = new IdentityHashMap<>();
        for (Entry e : es) {
            Integer i = e.type instanceof Named ? at.get(e.type) : null;
            if (i != null) {
                Entry o = out.get(i);
                out.set(i, new Entry(o.type, o.path, o.indirect, true));
            } else {
                if (e.type instanceof Named) {
                    at.put(e.type, out.size());
                }
                out.add(e);
            }
        }
        return out;
    }

    private static List<Integer> append(List<Integer> p, int i) {
        List<Integer> q = new ArrayList<>(p);
        q.add(i);
        return Collections.unmodifiableList(q);
    }

    /**
     * Why {@code t} does not implement {@code iface}, or null if it does: the missing method's
     * name and the reason ({@link Missing.Reason}).
     */
    public static Missing missingMethod(Type t, Interface iface) {
        for (Func m : iface.methods()) {
            Missing miss = check(t, m);
            if (miss != null) {
                return miss;
            }
        }
        return null;
    }

    private static Missing check(Type t, Func m) {
        if (t.underlying() instanceof Interface) {
            Func have = ((Interface) t.underlying()).method(m.name());
            if (have == null) {
                return new Missing(m, null, Missing.Reason.MISSING);
            }
            return have.type().equals(m.type()) ? null : new Missing(m, have, Missing.Reason.WRONG_TYPE);
        }
        Result r = find(t, m.name());
        if (!r.found() || !(r.obj() instanceof Func)) {
            return new Missing(m, null, Missing.Reason.MISSING);
        }
        Func have = (Func) r.obj();
        if (!have.type().equals(m.type())) {
            return new Missing(m, have, Missing.Reason.WRONG_TYPE);
        }
        if (have.hasPointerReceiver() && !r.indirect() && !(t instanceof Pointer)) {
            return new Missing(m, have, Missing.Reason.POINTER_RECEIVER);
        }
        return null;
    }

    /** An unsatisfied interface method: {@code want}, and what was found instead (or null). */
    public record Missing(Func want, Func have, Reason reason) {
        /** Why the method does not count. */
        public enum Reason { MISSING, WRONG_TYPE, POINTER_RECEIVER }
    }

    /**
     * The method set of {@code t} (spec, "Method sets"), sorted by name: for a value of a defined
     * type the value-receiver methods, for a pointer also the pointer-receiver ones, both
     * including methods promoted from embedded fields; for an interface its methods.
     */
    public static List<Result> methodSet(Type t) {
        Map<String, Result> out = new TreeMap<>();
        if (t.underlying() instanceof Interface) {
            List<Func> ms = ((Interface) t.underlying()).methods();
            for (int i = 0; i < ms.size(); i++) {
                out.put(ms.get(i).name(), new Result(ms.get(i), List.of(i), false, false));
            }
            return new ArrayList<>(out.values());
        }
        List<String> names = new ArrayList<>();
        collectNames(t instanceof Pointer ? ((Pointer) t).elem() : t, names, new IdentityHashMap<>(), 0);
        for (String n : names) {
            Result r = find(t, n);
            if (r.found() && r.obj() instanceof Func) {
                Func f = (Func) r.obj();
                if (!f.hasPointerReceiver() || r.indirect() || t instanceof Pointer) {
                    out.put(n, r);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void collectNames(Type t, List<String> names, Map<Named, Boolean> seen, int depth) {
        if (depth > 32) {
            return;
        }
        if (t instanceof Named) {
            if (seen.put((Named) t, Boolean.TRUE) != null) {
                return;
            }
            for (Func f : ((Named) t).methods()) {
                names.add(f.name());
            }
        }
        Type u = t.underlying();
        if (u instanceof Struct) {
            for (Var f : ((Struct) u).fields()) {
                if (f.embedded()) {
                    Type ft = f.type() instanceof Pointer ? ((Pointer) f.type()).elem() : f.type();
                    collectNames(ft, names, seen, depth + 1);
                }
            }
        } else if (u instanceof Interface && depth > 0) {
            for (Func f : ((Interface) u).methods()) {
                names.add(f.name());
            }
        }
    }
}
