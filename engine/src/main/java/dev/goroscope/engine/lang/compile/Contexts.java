package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.TypeNames;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.runtime.Channel;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.Ticker;
import java.util.ArrayList;
import java.util.List;

/**
 * Package context's values as Go 1.19 builds them (context.go), each a heap object of its real
 * size with its pointers stored in it:
 * <ul>
 *   <li>{@code Background()}/{@code TODO()}: the package's two {@code *emptyCtx} (made during
 *       package initialisation; here outside the heap). Done is nil, Err nil.</li>
 *   <li>{@code *cancelCtx} (64 bytes: parent, mutex, done, children, err): its done channel
 *       is made on the first {@code Done()}; {@code propagateCancel} calls the parent's Done (so
 *       a cancelable parent gets its channel then) and records the child in the parent's
 *       {@code children} map (an hmap and a bucket of eight {@code canceler}s), or cancels it at
 *       once when the parent already is.</li>
 *   <li>{@code *timerCtx} (96 bytes: a cancelCtx, the timer and the deadline): a deadline not
 *       later than the parent's, armed with {@code time.AfterFunc}, whose function runs in a
 *       goroutine of its own when the timer fires ({@code goFunc}), as in Go.</li>
 *   <li>{@code *valueCtx} (48 bytes: parent, key, value).</li>
 * </ul>
 * Cancelling closes the done channel (or, when Done was never called, stores the package's
 * closed channel), cancels the children depth-first, drops the children map and removes the
 * context from its parent's map. The runtime's {@code sync.Mutex} inside each context is not
 * modelled: every operation here runs within one instruction, so none can be interleaved.
 */
final class Contexts {
    private Contexts() {}

    enum Kind { BACKGROUND, TODO, CANCEL, TIMER, VALUE }

    static final RType EMPTY_CTX = ptrTo("context.emptyCtx");
    static final RType CANCEL_CTX = ptrTo("context.cancelCtx");
    static final RType TIMER_CTX = ptrTo("context.timerCtx");
    static final RType VALUE_CTX = ptrTo("context.valueCtx");

    private static RType ptrTo(String name) {
        return new RType.Ptr(new RType.StructT(List.of(), name), null);
    }

    /** Pointer fields of the context objects, in the engine's numbering. */
    private static final int PARENT = 0;
    private static final int DONE = 1;
    private static final int CHILDREN = 2;
    private static final int TIMER = 4;

    /** One context value. */
    static final class Ctx {
        final Kind kind;
        /** The parent as the program holds it (an interface value); null for the empty contexts. */
        final Values.Iface parent;
        long addr;
        Channel done;
        Values.Iface err;
        Children children;
        long deadline;
        Ticker timer;
        Values.Iface key;
        Values.Iface val;

        Ctx(Kind kind, Values.Iface parent) {
            this.kind = kind;
            this.parent = parent;
        }

        boolean cancelable() {
            return kind == Kind.CANCEL || kind == Kind.TIMER;
        }

        /** What fmt prints, through the context's String method ({@code contextName}). */
        String string() {
            return switch (kind) {
                case BACKGROUND -> "context.Background";
                case TODO -> "context.TODO";
                case CANCEL -> name(parent) + ".WithCancel";
                case VALUE -> name(parent) + ".WithValue(type " + TypeNames.of(key.type()) + ", val "
                        + stringify(val) + ")";
                case TIMER -> null; // its String prints a wall-clock deadline, which the simulation has not
            };
        }

        private static String name(Values.Iface c) {
            String s = c.value() instanceof Ctx x ? x.string() : null;
            return s != null ? s : TypeNames.of(c.type());
        }

        private static String stringify(Values.Iface v) {
            if (v != null && v.value() instanceof GoString s) {
                return s.toString();
            }
            return "<not Stringer>";
        }
    }

    /**
     * A cancelCtx's {@code children} map: an hmap (48 bytes) and buckets of eight 16-byte
     * interface keys with empty values (144 bytes each), doubled once the map holds more than
     * 6.5 entries per bucket; a freed slot is used again.
     */
    static final class Children {
        long hmap;
        long buckets;
        int b;
        final List<Ctx> slots = new ArrayList<>();
        int count;

        private static int field(int slot) {
            return slot / 8 * 9 + slot % 8; // eight keys, then the overflow pointer, per bucket
        }

        void add(Machine.Thread th, Ctx owner, Ctx child) {
            GoRuntime rt = rt(th);
            Goroutine g = th.goroutine();
            if (hmap == 0) {
                hmap = rt.alloc(g, 48, 1, "runtime.hmap");
                rt.store(g, owner.addr, CHILDREN, hmap);
            }
            if (buckets == 0) {
                newBuckets(th, 0);
            }
            if (count + 1 > 6.5 * (1L << b)) {
                newBuckets(th, b + 1);
            }
            int slot = slots.indexOf(null);
            if (slot < 0) {
                slot = slots.size();
                slots.add(child);
            } else {
                slots.set(slot, child);
            }
            count++;
            rt.store(g, buckets, field(slot), child.addr);
        }

        private void newBuckets(Machine.Thread th, int nb) {
            GoRuntime rt = rt(th);
            Goroutine g = th.goroutine();
            long n = 1L << nb;
            buckets = rt.alloc(g, 144 * n, (int) (9 * n), "map.bucket[context.canceler]struct {}");
            b = nb;
            rt.store(g, hmap, 0, buckets);
            List<Ctx> live = new ArrayList<>();
            for (Ctx c : slots) {
                if (c != null) {
                    live.add(c);
                }
            }
            slots.clear();
            slots.addAll(live);
            for (int k = 0; k < live.size(); k++) {
                rt.store(g, buckets, field(k), live.get(k).addr);
            }
        }

        void remove(Machine.Thread th, Ctx child) {
            int slot = slots.indexOf(child);
            if (slot >= 0) {
                slots.set(slot, null);
                count--;
                rt(th).store(th.goroutine(), buckets, field(slot), 0);
            }
        }
    }

    private static GoRuntime rt(Machine.Thread th) {
        return th.machine().runtime();
    }

    static final Ctx BACKGROUND = new Ctx(Kind.BACKGROUND, null);
    static final Ctx TODO = new Ctx(Kind.TODO, null);

    /** The library context behind an interface value; a nil Context is a nil dereference. */
    static Ctx of(Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        Object x = ((Values.Iface) v).value();
        if (x instanceof Ctx c) {
            return c;
        }
        throw new IllegalStateException("a Context of type " + TypeNames.of(((Values.Iface) v).type())
                + " (only the library's contexts run here)");
    }

    static Values.Iface iface(Ctx c) {
        RType t = switch (c.kind) {
            case BACKGROUND, TODO -> EMPTY_CTX;
            case CANCEL -> CANCEL_CTX;
            case TIMER -> TIMER_CTX;
            case VALUE -> VALUE_CTX;
        };
        return new Values.Iface(t, c);
    }

    private static void checkParent(Values.Iface parent) {
        if (parent == null) {
            String msg = "cannot create context from nil parent";
            throw new GoPanic(msg, GoString.of(msg), false);
        }
    }

    /** {@code newCancelCtx} plus {@code propagateCancel}: a cancelCtx (or timerCtx) under parent. */
    static Ctx newCancelable(Machine.Thread th, Values.Iface parent, boolean timer) {
        checkParent(parent);
        Ctx c = new Ctx(timer ? Kind.TIMER : Kind.CANCEL, parent);
        c.addr = rt(th).alloc(th.goroutine(), timer ? 96 : 64, timer ? 6 : 4,
                timer ? "context.timerCtx" : "context.cancelCtx");
        rt(th).store(th.goroutine(), c.addr, PARENT, HeapOps.addrOfAny(parent));
        propagateCancel(th, of(parent), c);
        return c;
    }

    private static void propagateCancel(Machine.Thread th, Ctx parent, Ctx child) {
        Channel pdone = done(th, parent);
        if (pdone == null) {
            return; // the parent is never canceled
        }
        if (pdone.closed()) {
            cancel(th, child, false, err(parent));
            return;
        }
        Ctx p = cancelAncestor(parent);
        if (p == null) {
            return;
        }
        if (p.err != null) {
            cancel(th, child, false, p.err);
        } else {
            if (p.children == null) {
                p.children = new Children();
            }
            p.children.add(th, p, child);
        }
    }

    /** {@code parentCancelCtx}: the innermost cancelCtx a context derives from ({@code Value(&cancelCtxKey)}). */
    private static Ctx cancelAncestor(Ctx c) {
        while (c != null && !c.cancelable()) {
            c = c.parent == null ? null : (Ctx) c.parent.value();
        }
        return c;
    }

    /** {@code Done()}: nil for the empty contexts; a cancelCtx makes its channel on first use. */
    static Channel done(Machine.Thread th, Ctx c) {
        Ctx k = cancelAncestor(c);
        if (k == null) {
            return null;
        }
        if (k.done == null) {
            k.done = rt(th).makechan(th.goroutine(), 0, 0, "struct {}", 0);
            rt(th).store(th.goroutine(), k.addr, DONE, k.done.addr());
        }
        return k.done;
    }

    static Values.Iface err(Ctx c) {
        Ctx k = cancelAncestor(c);
        return k == null ? null : k.err;
    }

    /** {@code Deadline()}: the nearest timerCtx's deadline, if any. */
    static Ctx deadlineCtx(Ctx c) {
        while (c != null && c.kind != Kind.TIMER) {
            c = c.parent == null ? null : (Ctx) c.parent.value();
        }
        return c;
    }

    /** {@code Value(key)}: the nearest valueCtx with an equal key (interface equality). */
    static Values.Iface value(Ctx c, Values.Iface key) {
        while (c != null) {
            if (c.kind == Kind.VALUE && equal(c.key, key)) {
                return c.val;
            }
            c = c.parent == null ? null : (Ctx) c.parent.value();
        }
        return null;
    }

    private static boolean equal(Values.Iface a, Values.Iface b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.type().equals(b.type()) && (a.value() == b.value()
                || a.value() != null && !(a.value() instanceof dev.goroscope.engine.lang.vm.HeapBox)
                && a.value().equals(b.value()));
    }

    /** {@code WithValue}: panics as Go's does for a nil parent or a nil key. */
    static Ctx withValue(Machine.Thread th, Values.Iface parent, Values.Iface key, Values.Iface val) {
        checkParent(parent);
        if (key == null) {
            throw new GoPanic("nil key", GoString.of("nil key"), false);
        }
        if (key.type() instanceof RType.SliceT || key.type() instanceof RType.MapT || key.type() instanceof RType.FuncT) {
            throw new GoPanic("key is not comparable", GoString.of("key is not comparable"), false);
        }
        Ctx c = new Ctx(Kind.VALUE, parent);
        c.key = key;
        c.val = val;
        c.addr = rt(th).alloc(th.goroutine(), 48, 3, "context.valueCtx");
        rt(th).store(th.goroutine(), c.addr, 0, HeapOps.addrOfAny(parent));
        rt(th).store(th.goroutine(), c.addr, 1, HeapOps.addrOfAny(key));
        rt(th).store(th.goroutine(), c.addr, 2, HeapOps.addrOfAny(val));
        return c;
    }

    /**
     * {@code c.cancel(removeFromParent, err)}: the first call records err, closes done (or
     * stores the package's closed channel), cancels every child (in the map's random order) and
     * drops the map, then leaves the parent's map; a timerCtx always leaves it when asked and
     * stops its timer, as {@code timerCtx.cancel} does.
     */
    static void cancel(Machine.Thread th, Ctx c, boolean removeFromParent, Values.Iface err) {
        GoRuntime rt = rt(th);
        Goroutine g = th.goroutine();
        boolean first = c.err == null;
        if (first) {
            c.err = err;
            if (c.done == null) {
                c.done = rt.closedChannel();
            } else {
                rt.closechan(g, c.done);
            }
            if (c.children != null) {
                List<Ctx> kids = new ArrayList<>();
                for (Ctx child : c.children.slots) {
                    if (child != null) {
                        kids.add(child);
                    }
                }
                int start = kids.isEmpty() ? 0 : rt.randomInt(kids.size());
                for (int k = 0; k < kids.size(); k++) {
                    cancel(th, kids.get((start + k) % kids.size()), false, err);
                }
                c.children = null;
                rt.store(g, c.addr, CHILDREN, 0);
            }
        }
        if (removeFromParent && (first || c.kind == Kind.TIMER)) {
            removeChild(th, c);
        }
        if (c.kind == Kind.TIMER && c.timer != null) {
            rt.stopTimer(g, c.timer);
            c.timer = null;
            rt.store(g, c.addr, TIMER, 0);
        }
    }

    /** {@code removeChild}: out of the nearest cancelable ancestor's map, if that one has a channel. */
    private static void removeChild(Machine.Thread th, Ctx c) {
        Ctx parent = (Ctx) c.parent.value();
        Channel d = done(th, parent);
        if (d == null || d == rt(th).closedChannel()) {
            return;
        }
        Ctx p = cancelAncestor(parent);
        if (p != null && p.children != null) {
            p.children.remove(th, c);
        }
    }

    /** Arms a timerCtx's timer ({@code time.AfterFunc}); it fires {@code onDeadline}. */
    static void armTimer(Machine.Thread th, Ctx c, long nanos, long closure, Runnable onDeadline) {
        c.timer = rt(th).funcTimer(th.goroutine(), nanos, closure, onDeadline);
        rt(th).store(th.goroutine(), c.addr, TIMER, c.timer.addr());
    }
}
