package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A checker of the tri-colour abstraction, independent of the collector: it computes what is
 * really reachable from the roots (globals and every live goroutine's stack) by walking the
 * heap itself.
 *
 * <p>The strong invariant says no black object points to a white one; Go's hybrid barrier keeps
 * only the weak one (every white object a black one points to is still reachable from a grey
 * object through white objects). Either way, at mark termination nothing reachable may be
 * white. With no barrier that fails, and the objects found are the ones the sweeper will
 * wrongly free.
 */
final class TriColor {
    private final GoRuntime rt;
    private final Heap heap;

    TriColor(GoRuntime rt, Heap heap) {
        this.rt = rt;
        this.heap = heap;
    }

    /** Every heap object reachable from the roots. */
    Set<HeapObject> reachable() {
        Set<HeapObject> seen = new HashSet<>();
        ArrayDeque<HeapObject> work = new ArrayDeque<>();
        for (long v : rootPointers()) {
            visit(v, seen, work);
        }
        while (!work.isEmpty()) {
            for (long f : work.poll().fields) {
                visit(f, seen, work);
            }
        }
        return seen;
    }

    private void visit(long v, Set<HeapObject> seen, ArrayDeque<HeapObject> work) {
        if (v == 0) {
            return;
        }
        HeapObject o = heap.findObject(v);
        if (o != null && seen.add(o)) {
            work.add(o);
        }
    }

    private List<Long> rootPointers() {
        List<Long> out = new ArrayList<>();
        for (Global g : rt.globals) {
            for (long v : g.slots()) {
                out.add(v);
            }
        }
        out.addAll(rt.runtimeRoots);
        for (Goroutine g : rt.sched.allgs()) {
            if (g.isDead()) {
                continue;
            }
            for (Frame f : g.frames) {
                for (long v : f.slots) {
                    out.add(v);
                }
            }
            for (int k = 0; k < g.npins; k++) {
                out.add(g.pins[k]);
            }
        }
        return out;
    }

    /**
     * Pointers reachable from the roots that lead to no allocated object: what a collector that
     * freed something live leaves behind.
     */
    int danglingPointers() {
        int[] n = {0};
        java.util.function.LongConsumer check = v -> {
            if (v != 0 && heap.findObject(v) == null && !(rt.pages.spanOf(v) != null && rt.pages.spanOf(v).kind().isStack())) {
                n[0]++;
            }
        };
        for (long v : rootPointers()) {
            check.accept(v);
        }
        for (HeapObject o : reachable()) {
            for (long f : o.fields) {
                check.accept(f);
            }
        }
        return n[0];
    }

    /** Reachable objects still white: at mark termination, each one is a lost object. */
    List<HeapObject> reachableWhite() {
        List<HeapObject> out = new ArrayList<>();
        for (HeapObject o : reachable()) {
            if (!o.marked) {
                out.add(o);
            }
        }
        out.sort((a, b) -> Long.compareUnsigned(a.addr, b.addr));
        return out;
    }

    /** Flags the reachable white objects so the sweeper records them as lost when it frees them. */
    int markLostObjects() {
        List<HeapObject> lost = reachableWhite();
        for (HeapObject o : lost) {
            o.lost = true;
        }
        return lost.size();
    }

    /**
     * Black-to-white edges (objects, and stacks already scanned this cycle): violations of the
     * strong tri-colour invariant. Go's hybrid barrier allows some while marking.
     */
    List<String> strongViolations() {
        List<String> out = new ArrayList<>();
        heap.forEachObject(o -> {
            if (o.isBlack()) {
                for (long f : o.fields) {
                    HeapObject t = f == 0 ? null : heap.findObject(f);
                    if (t != null && t.isWhite()) {
                        out.add("black 0x" + Long.toHexString(o.addr) + " -> white 0x" + Long.toHexString(t.addr));
                    }
                }
            }
        });
        return out;
    }
}
