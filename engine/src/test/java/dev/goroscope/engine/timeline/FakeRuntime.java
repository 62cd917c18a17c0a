package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.runtime.Span;
import dev.goroscope.engine.runtime.Sys;
import dev.goroscope.engine.runtime.WaitReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A toy runtime for tests: random but self-consistent event streams with goroutines, calls,
 * stack growth with pointer adjustment, shrinking at scan, allocation, pointer stores with the
 * write barrier, full GC cycles (grey, blacken, sweep with frees) and spans. It keeps just
 * enough state to emit events the way the real runtime does; it is not the model under test.
 */
final class FakeRuntime {
    static final String[] FN = {"main.f", "main.g", "main.walk"};
    static final long[] FRAME = {24, 200, 1024};
    static final int[] PTRS = {1, 0, 2};
    static final long[] ELEM = {16, 32, 64};
    static final int[] CLASS = {2, 3, 5};

    final List<Event> events = new ArrayList<>();
    private final Random rnd;
    private long arena;
    private long nextPage = Sys.ARENA_BASE;
    private GcPhase phase = GcPhase.OFF;
    private int cycle;
    private long nextGid = 1;
    private long startingStack = 2048;
    private final List<G> gs = new ArrayList<>();
    private final TreeMap<Long, Obj> objs = new TreeMap<>();
    private final List<HSpan> heapSpans = new ArrayList<>();
    private final Deque<HSpan> unswept = new ArrayDeque<>();
    private final long[][] globals = {new long[2], new long[1]};
    private final long[] globalAddr = {Sys.GLOBALS_BASE, Sys.GLOBALS_BASE + 16};
    private boolean globalsScanned;

    static final class G {
        long gid;
        long lo;
        long hi;
        long sp;
        GStatus status = GStatus.RUNNABLE;
        int scanned;
        final List<F> frames = new ArrayList<>();
    }

    static final class F {
        int fn;
        long sp;
        long[] slots;
    }

    static final class Obj {
        long addr;
        long elem;
        int cls;
        long[] fields;
        Colour colour;
        HSpan span;
    }

    static final class HSpan {
        long base;
        long limit;
        int k;
        long next;
    }

    FakeRuntime(long seed) {
        rnd = new Random(seed);
        emit(new HeapEvent.GlobalDeclared("main.root", globalAddr[0], 2));
        emit(new HeapEvent.GlobalDeclared("main.cache", globalAddr[1], 1));
    }

    /** Runs {@code steps} random operations and returns the events so far. */
    List<Event> run(int steps) {
        for (int i = 0; i < steps; i++) {
            step();
        }
        return events;
    }

    private void emit(Event e) {
        events.add(e);
    }

    private long span(long npages, Span.Kind kind, int cls) {
        long bytes = npages * Sys.PAGE_SIZE;
        if (nextPage + bytes > Sys.ARENA_BASE + arena) {
            long grow = (bytes + (4 << 20) - 1) / (4 << 20) * (4 << 20);
            emit(new HeapEvent.ArenaGrew(arena, arena + grow));
            arena += grow;
        }
        long base = nextPage;
        nextPage += bytes;
        emit(new HeapEvent.SpanAllocated(base, npages, kind, cls));
        return base;
    }

    private long stack(long size) {
        return span(Math.max(1, size / Sys.PAGE_SIZE), size >= 32768 ? Span.Kind.STACK_LARGE : Span.Kind.STACK_POOL, 0);
    }

    private void step() {
        List<G> live = new ArrayList<>();
        for (G g : gs) {
            if (g.status != GStatus.DEAD) {
                live.add(g);
            }
        }
        int op = rnd.nextInt(100);
        if (live.isEmpty() || (op < 4 && live.size() < 5)) {
            create();
        } else if (op < 30) {
            push(live.get(rnd.nextInt(live.size())));
        } else if (op < 45) {
            pop(live.get(rnd.nextInt(live.size())));
        } else if (op < 52) {
            slotWrite(live.get(rnd.nextInt(live.size())));
        } else if (op < 64) {
            alloc(live.get(rnd.nextInt(live.size())).gid);
        } else if (op < 72) {
            pointerWrite(live.get(rnd.nextInt(live.size())).gid);
        } else if (op < 90) {
            gcStep(live);
        } else if (op < 93) {
            status(live.get(rnd.nextInt(live.size())));
        } else if (op < 95) {
            G g = live.get(rnd.nextInt(live.size()));
            emit(new ProgramEvent.Output(g.gid, "line " + events.size() + "\n", rnd.nextInt(4) == 0));
        } else if (op < 96) {
            emit(new ProgramEvent.Narration("lesson " + events.size()));
        } else if (op < 97) {
            emit(new HeapEvent.Scavenged(8192, 0, null));
        } else if (op < 98 && live.size() > 1) {
            exit(live.get(rnd.nextInt(live.size())));
        } else {
            emit(new SchedEvent.ClockAdvanced(events.size(), events.size() + 1000));
        }
    }

    private void create() {
        G g = new G();
        g.gid = nextGid++;
        long size = rnd.nextBoolean() ? 2048 : startingStack;
        g.lo = stack(size);
        g.hi = g.lo + size;
        g.sp = g.hi - 32;
        gs.add(g);
        emit(new SchedEvent.GoroutineCreated(g.gid, g.gid == 1 ? 0 : 1, "main.worker", g.lo, g.hi, g.sp, 0, false));
    }

    private void push(G g) {
        int k = rnd.nextInt(10) < 6 && !g.frames.isEmpty() ? g.frames.get(g.frames.size() - 1).fn : rnd.nextInt(FN.length);
        long spAfter = g.sp - 8 - FRAME[k];
        if (spAfter < g.lo + Sys.STACK_GUARD) {
            grow(g, FRAME[k], k);
            spAfter = g.sp - 8 - FRAME[k];
        }
        F f = new F();
        f.fn = k;
        f.sp = spAfter;
        f.slots = new long[PTRS[k]];
        g.frames.add(f);
        g.sp = spAfter;
        emit(new StackEvent.FramePushed(g.gid, FN[k], FRAME[k], spAfter, PTRS[k]));
    }

    private void grow(G g, long frame, int k) {
        long old = g.hi - g.lo;
        long used = g.hi - g.sp + 8;
        long size = old * 2;
        while (size - used < frame + Sys.STACK_GUARD) {
            size *= 2;
        }
        copy(g, size, true, used, k);
    }

    private void copy(G g, long size, boolean grow, long used, int k) {
        long oldLo = g.lo;
        long oldHi = g.hi;
        long lo = stack(size);
        long delta = lo + size - oldHi;
        int adjusted = 0;
        for (F f : g.frames) {
            f.sp += delta;
            for (int i = 0; i < f.slots.length; i++) {
                if (f.slots[i] >= oldLo && f.slots[i] < oldHi) {
                    f.slots[i] += delta;
                    adjusted++;
                }
            }
        }
        g.lo = lo;
        g.hi = lo + size;
        g.sp += delta;
        if (grow) {
            emit(new StackEvent.StackGrew(g.gid, oldLo, oldHi, g.lo, g.hi, used, g.frames.size(), adjusted,
                    "to the pool", FN[k], FRAME[k]));
        } else {
            emit(new StackEvent.StackShrunk(g.gid, oldLo, oldHi, g.lo, g.hi, used, g.frames.size(), adjusted,
                    "to the pool", false));
        }
        long old = oldHi - oldLo;
        emit(new HeapEvent.SpanFreed(oldLo, Math.max(1, old / Sys.PAGE_SIZE),
                old >= 32768 ? Span.Kind.STACK_LARGE : Span.Kind.STACK_POOL, 0));
    }

    private void pop(G g) {
        if (g.frames.isEmpty()) {
            return;
        }
        F f = g.frames.remove(g.frames.size() - 1);
        g.sp = f.sp + FRAME[f.fn] + 8;
        emit(new StackEvent.FramePopped(g.gid, FN[f.fn], FRAME[f.fn], g.sp, f.slots.clone()));
    }

    private void slotWrite(G g) {
        List<Integer> with = new ArrayList<>();
        for (int d = 0; d < g.frames.size(); d++) {
            if (g.frames.get(d).slots.length > 0) {
                with.add(d);
            }
        }
        if (with.isEmpty()) {
            return;
        }
        int d = with.get(rnd.nextInt(with.size()));
        F f = g.frames.get(d);
        int s = rnd.nextInt(f.slots.length);
        long v;
        int c = rnd.nextInt(3);
        if (c == 0) {
            v = g.sp + 8L * rnd.nextInt((int) ((g.hi - g.sp) / 8)); // a pointer to a local
        } else if (c == 1 && !objs.isEmpty()) {
            v = randomObject();
        } else {
            v = 0;
        }
        emit(new StackEvent.SlotWritten(g.gid, d, s, f.slots[s], v));
        f.slots[s] = v;
    }

    private long randomObject() {
        Long a = objs.ceilingKey(Sys.ARENA_BASE + (long) (rnd.nextDouble() * (nextPage - Sys.ARENA_BASE)));
        return a != null ? a : objs.firstKey();
    }

    private void alloc(long gid) {
        int k = rnd.nextInt(ELEM.length);
        HSpan s = null;
        for (HSpan h : heapSpans) {
            if (h.k == k && h.next + ELEM[k] <= h.limit && !unswept.contains(h)) {
                s = h;
            }
        }
        if (s == null) {
            s = new HSpan();
            s.k = k;
            s.base = span(1, Span.Kind.HEAP_SMALL, CLASS[k]);
            s.limit = s.base + Sys.PAGE_SIZE;
            s.next = s.base;
            heapSpans.add(s);
        }
        Obj o = new Obj();
        o.addr = s.next;
        s.next += ELEM[k];
        o.elem = ELEM[k];
        o.cls = CLASS[k];
        o.fields = new long[rnd.nextInt(3)];
        o.colour = phase.allocateBlack() ? Colour.BLACK : Colour.WHITE;
        o.span = s;
        objs.put(o.addr, o);
        emit(new HeapEvent.ObjectAllocated(o.addr, o.elem - 3, o.elem, o.cls, o.fields.length, "main.T" + k,
                o.colour == Colour.BLACK, gid));
    }

    private void shade(long addr, GcEvent.ShadeReason why, long holder, int field, long gid) {
        Obj o = objs.get(addr);
        if (phase.writeBarrierOn() && o != null && o.colour == Colour.WHITE) {
            o.colour = Colour.GREY;
            emit(new GcEvent.BarrierShaded(addr, why, holder, field, gid));
        }
    }

    private void pointerWrite(long gid) {
        long v = objs.isEmpty() || rnd.nextInt(4) == 0 ? 0 : randomObject();
        if (rnd.nextInt(3) == 0) {
            int gi = rnd.nextInt(2);
            int s = rnd.nextInt(globals[gi].length);
            shade(globals[gi][s], GcEvent.ShadeReason.OLD_VALUE, globalAddr[gi], s, gid);
            shade(v, GcEvent.ShadeReason.NEW_VALUE, globalAddr[gi], s, gid);
            emit(new HeapEvent.PointerWritten(globalAddr[gi], true, s, globals[gi][s], v, gid, phase.writeBarrierOn()));
            globals[gi][s] = v;
            return;
        }
        if (objs.isEmpty()) {
            return;
        }
        Obj h = objs.get(randomObject());
        if (h.fields.length == 0) {
            return;
        }
        int f = rnd.nextInt(h.fields.length);
        shade(h.fields[f], GcEvent.ShadeReason.OLD_VALUE, h.addr, f, gid);
        shade(v, GcEvent.ShadeReason.NEW_VALUE, h.addr, f, gid);
        emit(new HeapEvent.PointerWritten(h.addr, false, f, h.fields[f], v, gid, phase.writeBarrierOn()));
        h.fields[f] = v;
    }

    private void status(G g) {
        GStatus to = g.status == GStatus.RUNNING ? GStatus.WAITING : GStatus.RUNNING;
        WaitReason from = g.status == GStatus.WAITING ? WaitReason.CHAN_RECEIVE : WaitReason.NONE;
        WaitReason why = to == GStatus.WAITING ? WaitReason.CHAN_RECEIVE : WaitReason.NONE;
        emit(new SchedEvent.GoroutineStatusChanged(g.gid, g.status, to, from, why));
        g.status = to;
    }

    private void exit(G g) {
        WaitReason from = g.status == GStatus.WAITING ? WaitReason.CHAN_RECEIVE : WaitReason.NONE;
        emit(new SchedEvent.GoroutineStatusChanged(g.gid, g.status, GStatus.DEAD, from, WaitReason.NONE));
        g.status = GStatus.DEAD;
        if (g.hi - g.lo != startingStack) {
            emit(new StackEvent.StackFreed(g.gid, g.lo, g.hi, "on exit"));
            long size = g.hi - g.lo;
            emit(new HeapEvent.SpanFreed(g.lo, Math.max(1, size / Sys.PAGE_SIZE),
                    size >= 32768 ? Span.Kind.STACK_LARGE : Span.Kind.STACK_POOL, 0));
        }
    }

    private void grey(long addr, GcEvent.GreyReason why, long from) {
        Obj o = objs.get(addr);
        if (o != null && o.colour == Colour.WHITE) {
            o.colour = Colour.GREY;
            emit(new GcEvent.ObjectGreyed(addr, why, from));
        }
    }

    private void gcStep(List<G> live) {
        if (phase == GcPhase.OFF) {
            if (!unswept.isEmpty()) {
                sweep(unswept.pollFirst());
            } else if (rnd.nextInt(4) == 0) {
                cycle++;
                emit(new GcEvent.GcCycleStarted(cycle, "heap goal", 1 << 20, 4 << 20));
                emit(new GcEvent.GcPhaseChanged(cycle, GcPhase.OFF, GcPhase.SWEEP_TERMINATION));
                emit(new GcEvent.GcPhaseChanged(cycle, GcPhase.SWEEP_TERMINATION, GcPhase.MARK));
                phase = GcPhase.MARK;
                globalsScanned = false;
            }
            return;
        }
        if (!globalsScanned) {
            globalsScanned = true;
            emit(new GcEvent.GlobalsScanned(3, 24));
            for (int i = 0; i < 2; i++) {
                for (long v : globals[i]) {
                    grey(v, GcEvent.GreyReason.GLOBAL_ROOT, globalAddr[i]);
                }
            }
            return;
        }
        for (G g : live) {
            if (g.scanned != cycle) {
                scan(g);
                return;
            }
        }
        for (Obj o : objs.values()) {
            if (o.colour == Colour.GREY) {
                for (long v : o.fields) {
                    grey(v, GcEvent.GreyReason.SCAN, o.addr);
                }
                o.colour = Colour.BLACK;
                emit(new GcEvent.ObjectBlackened(o.addr, o.fields.length, o.elem, 0));
                if (rnd.nextBoolean()) {
                    return;
                }
            }
        }
        for (Obj o : objs.values()) {
            if (o.colour == Colour.GREY) {
                return;
            }
        }
        emit(new GcEvent.GcPhaseChanged(cycle, GcPhase.MARK, GcPhase.MARK_TERMINATION));
        emit(new GcEvent.GcPhaseChanged(cycle, GcPhase.MARK_TERMINATION, GcPhase.OFF));
        phase = GcPhase.OFF;
        emit(new GcEvent.GcCycleEnded(cycle, 1, 2, 3, 4 << 20, (4 << 20) + cycle * 8192L, 3 << 20, 100, 24,
                "gc " + cycle + " @0.01s 1%: ..."));
        long newStart = rnd.nextBoolean() ? 2048 : 4096;
        if (newStart != startingStack) {
            emit(new GcEvent.StartingStackSizeChanged(startingStack, newStart, live.size(), 500));
            startingStack = newStart;
        }
        unswept.addAll(heapSpans);
    }

    private void scan(G g) {
        g.scanned = cycle;
        long size = g.hi - g.lo;
        long used = g.hi - g.sp;
        boolean shrink = size / 2 >= 2048 && used + 800 < size / 4;
        emit(new GcEvent.StackScanned(g.gid, used, size, 0, shrink ? "shrunk" : "kept", false));
        if (shrink) {
            copy(g, size / 2, false, used, 0);
        }
        for (F f : g.frames) {
            for (long v : f.slots) {
                grey(v, GcEvent.GreyReason.STACK_ROOT, g.gid);
            }
        }
    }

    private void sweep(HSpan s) {
        List<GcEvent.FreedObject> freed = new ArrayList<>();
        int survivors = 0;
        for (Obj o : new ArrayList<>(objs.subMap(s.base, s.limit).values())) {
            if (o.colour == Colour.WHITE) {
                freed.add(new GcEvent.FreedObject(o.addr, o.elem - 3, o.elem, o.cls, "main.T" + s.k, o.fields.clone(),
                        false));
                objs.remove(o.addr);
            } else {
                o.colour = Colour.WHITE;
                survivors++;
            }
        }
        emit(new GcEvent.SpanSwept(s.base, s.limit, CLASS[s.k], freed, survivors, 0));
        if (survivors == 0 && s.next + ELEM[s.k] > s.limit) {
            heapSpans.remove(s);
            emit(new HeapEvent.SpanFreed(s.base, 1, Span.Kind.HEAP_SMALL, CLASS[s.k]));
        }
    }
}
