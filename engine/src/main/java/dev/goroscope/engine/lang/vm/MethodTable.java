package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.TypeNames;
import dev.goroscope.engine.lang.interp.Values;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The program's method tables, the simulation's itabs: for every dynamic type that can sit in an
 * interface value, the methods of its method set by name. The compiler fills the table for each
 * type it converts to an interface (and for the types inside it that fmt may reach), and for
 * the library's own types (errors, time.Duration); nothing is resolved at a call site, which only
 * names the method.
 *
 * <p>An interface value is an {@link Values.Iface} of a run-time type and a value, so a call
 * {@code x.M(args)} ({@link Op#CALLI}) looks up {@code M} for {@code x}'s dynamic type, turns the
 * interface's data into the receiver the method was compiled for (following embedded fields,
 * dereferencing a pointer for a value method, unboxing a scalar) and enters the method with the
 * receiver as its first parameter, exactly as a static call would. A nil interface panics with
 * Go's nil pointer dereference, as the real itab load does.
 *
 * <p>Types are keyed by their type string ({@code main.T}, {@code *main.T}): a descriptor met
 * inside itself is cut short ({@code RTypes}), so two descriptors of one type may differ in
 * shape but never in name.
 */
public final class MethodTable {

    /** One method of one dynamic type's method set. */
    public interface Method {
        /** The compiled method (receiver first), or null for a library method run in Java. */
        Code code();

        /** Whether the receiver goes into the callee's first scalar register (else its first reference one). */
        boolean scalarReceiver();

        /**
         * The receiver the method takes, from the interface's data: a scalar as its register bits
         * (a {@link Long}), a struct or array as a copy, a pointer as is. May panic (a value method
         * called through a nil pointer).
         */
        Object receiver(Machine.Thread t, Object data);

        /** The method's type as Go writes it without the receiver: {@code func() string}. */
        String signature();

        /**
         * Whether the method is promoted from an embedded interface: the receiver is then that
         * interface value, and the call dispatches again on its dynamic type.
         */
        default boolean forwards() {
            return false;
        }

        /** Runs a library method in Java, reading arguments and writing results like a native. */
        default void callJava(Machine.Thread t, Object recv, long[] i, Object[] r, int argI, int argR, int resI,
                              int resR) {
            throw new IllegalStateException("not a library method");
        }
    }

    private final Map<String, Map<String, Method>> byName = new HashMap<>();
    private final Map<RType, Map<String, Method>> byType = new IdentityHashMap<>();

    /** Adds method {@code name} to the method set of {@code t}. */
    public void add(RType t, String name, Method m) {
        byName.computeIfAbsent(TypeNames.of(t), k -> new HashMap<>()).put(name, m);
        byType.clear();
    }

    /** Whether the table already describes {@code t}. */
    public boolean has(RType t) {
        return byName.containsKey(TypeNames.of(t));
    }

    /** The method set of {@code t} (empty when it has no methods). */
    public Map<String, Method> methods(RType t) {
        Map<String, Method> ms = byType.get(t);
        if (ms == null) {
            ms = byName.getOrDefault(TypeNames.of(t), Map.of());
            byType.put(t, ms);
        }
        return ms;
    }

    /** Method {@code name} of {@code t}'s method set, or null. */
    public Method find(RType t, String name) {
        return methods(t).get(name);
    }

    /** Declares a type with no methods (so {@link #has} knows it was seen). */
    public void declare(RType t) {
        byName.computeIfAbsent(TypeNames.of(t), k -> new HashMap<>());
        byType.clear();
    }

    /**
     * A {@link Op#CALLI} site: the method's name and the register holding the interface value,
     * with a one-entry cache of the last dynamic type seen there.
     */
    public static final class Site {
        final MethodTable table;
        final String name;
        final int iface;
        private RType lastType;
        private Method lastMethod;

        public Site(MethodTable table, String name, int iface) {
            this.table = table;
            this.name = name;
            this.iface = iface;
        }

        Method lookup(RType t) {
            if (t != lastType) {
                Method m = table.find(t, name);
                if (m == null) {
                    throw new IllegalStateException("no method " + name + " in the method set of " + TypeNames.of(t));
                }
                lastType = t;
                lastMethod = m;
            }
            return lastMethod;
        }
    }

    /**
     * Executes {@link Op#CALLI} at {@code pc} of {@code f}: returns the callee's frame (the
     * receiver and the arguments in place), or null when a library method already ran in Java.
     */
    static Machine.Frame enter(Machine.Thread t, Machine.Frame f, int[] ops, int pc, long[] i, Object[] r) {
        Site s = (Site) f.code.consts()[ops[pc + 1]];
        Object x = r[s.iface];
        if (x == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        Values.Iface v = (Values.Iface) x;
        Method m = s.lookup(v.type());
        Object recv = m.receiver(t, v.value());
        while (m.forwards()) {
            if (recv == null) {
                throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
            }
            v = (Values.Iface) recv;
            m = s.table.find(v.type(), s.name);
            recv = m.receiver(t, v.value());
        }
        int argI = ops[pc + 2];
        int argR = ops[pc + 3];
        Code c = m.code();
        if (c == null) {
            m.callJava(t, recv, i, r, argI, argR, ops[pc + 4], ops[pc + 5]);
            return null;
        }
        Machine.Frame callee = new Machine.Frame(c, f);
        if (m.scalarReceiver()) {
            callee.i[0] = (Long) recv;
            System.arraycopy(i, argI, callee.i, 1, c.paramInts() - 1);
            System.arraycopy(r, argR, callee.r, 0, c.paramRefs());
        } else {
            callee.r[0] = recv;
            System.arraycopy(i, argI, callee.i, 0, c.paramInts());
            System.arraycopy(r, argR, callee.r, 1, c.paramRefs() - 1);
        }
        return callee;
    }
}
