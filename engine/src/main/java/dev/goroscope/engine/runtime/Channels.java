package dev.goroscope.engine.runtime;

import dev.goroscope.engine.runtime.Channel.Elem;
import dev.goroscope.engine.runtime.Channel.Sudog;
import java.util.Iterator;
import java.util.List;

/**
 * Channel operations (chan.go, select.go): {@code makechan}, {@code chansend},
 * {@code chanrecv}, {@code closechan} and {@code selectgo}.
 *
 * <p>A send to a parked receiver hands the element over directly; otherwise it goes into the
 * buffer if there is room, or the sender parks. A receive takes from a parked sender (for a full
 * buffered channel: the head of the buffer, and the sender's element goes to the tail), from the
 * buffer, or parks. Operations on a nil channel block forever. {@code select} polls its cases in
 * an order drawn from the seed, as the runtime uses a random poll order, and parks on every
 * channel at once when none is ready.
 */
final class Channels {
    private final GoRuntime rt;

    Channels(GoRuntime rt) {
        this.rt = rt;
    }

    Channel makechan(Goroutine g, long elemSize, int elemPtrWords, String elemType, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("makechan: size out of range");
        }
        long mem = elemSize * size;
        Channel c;
        if (mem == 0 || elemPtrWords == 0) {
            HeapObject h = rt.heap.mallocgc(Channel.HCHAN_SIZE + mem, 0, "chan " + elemType, rt.gcphase.allocateBlack(), g.id);
            c = new Channel(h.addr, 0, size, elemSize, elemPtrWords, elemType);
        } else {
            HeapObject h = rt.heap.mallocgc(Channel.HCHAN_SIZE, 1, "chan " + elemType, rt.gcphase.allocateBlack(), g.id);
            HeapObject b = rt.heap.mallocgc(mem, size * elemPtrWords, "[" + size + "]" + elemType,
                    rt.gcphase.allocateBlack(), g.id);
            h.fields[0] = b.addr;
            c = new Channel(h.addr, b.addr, size, elemSize, elemPtrWords, elemType);
        }
        return c;
    }

    ChanResult send(Goroutine g, Channel c, Elem e, int caseIndex) {
        if (c == null) {
            rt.park(g, WaitReason.CHAN_SEND_NIL);
            return ChanResult.BLOCKED;
        }
        ChanResult r = trySend(g, c, e, caseIndex);
        if (r != null) {
            return r;
        }
        c.sendq.addLast(new Sudog(g, e, caseIndex, null));
        rt.park(g, WaitReason.CHAN_SEND);
        return ChanResult.BLOCKED;
    }

    /** The non-blocking part of a send; null when it would have to wait. */
    private ChanResult trySend(Goroutine g, Channel c, Elem e, int caseIndex) {
        if (c.closed) {
            return ChanResult.panic("send on closed channel");
        }
        Sudog r = dequeue(c.recvq);
        if (r != null) {
            wake(r, ChanResult.received(e, true, r.caseIndex));
            return ChanResult.sent(caseIndex);
        }
        if (c.buf.size() < c.cap) {
            putBuffer(g, c, e);
            return ChanResult.sent(caseIndex);
        }
        return null;
    }

    ChanResult recv(Goroutine g, Channel c, int caseIndex) {
        if (c == null) {
            rt.park(g, WaitReason.CHAN_RECEIVE_NIL);
            return ChanResult.BLOCKED;
        }
        ChanResult r = tryRecv(g, c, caseIndex);
        if (r != null) {
            return r;
        }
        c.recvq.addLast(new Sudog(g, null, caseIndex, null));
        rt.park(g, WaitReason.CHAN_RECEIVE);
        return ChanResult.BLOCKED;
    }

    private ChanResult tryRecv(Goroutine g, Channel c, int caseIndex) {
        Sudog s = dequeue(c.sendq);
        if (s != null) {
            Elem got;
            if (c.cap == 0) {
                got = s.send;
            } else {
                got = takeBuffer(g, c);
                putBuffer(g, c, s.send);
            }
            wake(s, ChanResult.sent(s.caseIndex));
            return ChanResult.received(got, true, caseIndex);
        }
        if (!c.buf.isEmpty()) {
            return ChanResult.received(takeBuffer(g, c), true, caseIndex);
        }
        if (c.closed) {
            return ChanResult.received(Elem.ZERO, false, caseIndex);
        }
        return null;
    }

    /**
     * {@code closechan}: wakes every receiver (zero value, !ok) and every sender (to panic). They
     * are pushed on a {@code gList}, a stack, and readied as they are popped: the last to wait is
     * readied first, and so the first to wait ends up in {@code runnext} and runs first.
     */
    String close(Goroutine g, Channel c) {
        if (c == null) {
            return "close of nil channel";
        }
        if (c.closed) {
            return "close of closed channel";
        }
        c.closed = true;
        java.util.ArrayDeque<Sudog> glist = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<ChanResult> results = new java.util.ArrayDeque<>();
        for (Sudog s; (s = dequeue(c.recvq)) != null; ) {
            glist.push(s);
            results.push(ChanResult.received(Elem.ZERO, false, s.caseIndex));
        }
        for (Sudog s; (s = dequeue(c.sendq)) != null; ) {
            glist.push(s);
            results.push(ChanResult.panic("send on closed channel"));
        }
        while (!glist.isEmpty()) {
            wake(glist.pop(), results.pop());
        }
        return null;
    }

    /** {@code selectgo}: the first ready case in a seeded poll order, else default, else park on all. */
    ChanResult select(Goroutine g, List<SelectCase> cases, boolean hasDefault) {
        int n = cases.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = rt.rng().nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        for (int i : order) {
            SelectCase k = cases.get(i);
            if (k.ch() == null) {
                continue;
            }
            ChanResult r = k.send() ? trySend(g, k.ch(), k.elem(), i) : tryRecv(g, k.ch(), i);
            if (r != null) {
                return r;
            }
        }
        if (hasDefault) {
            return new ChanResult(ChanResult.Status.DONE, null, false, -1);
        }
        Channel.SelectWait w = new Channel.SelectWait();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            SelectCase k = cases.get(i);
            if (k.ch() != null) {
                (k.send() ? k.ch().sendq : k.ch().recvq).addLast(new Sudog(g, k.elem(), i, w));
                w.chans.add(k.ch());
                any = true;
            }
        }
        rt.park(g, any ? WaitReason.SELECT : WaitReason.SELECT_NO_CASES);
        return ChanResult.BLOCKED;
    }

    /** The first sudog still waiting; a select that another case already won is skipped. */
    private static Sudog dequeue(java.util.ArrayDeque<Sudog> q) {
        for (Iterator<Sudog> it = q.iterator(); it.hasNext(); ) {
            Sudog s = it.next();
            it.remove();
            if (s.select == null) {
                return s;
            }
            if (!s.select.done) {
                s.select.done = true;
                return s;
            }
        }
        return null;
    }

    private void wake(Sudog s, ChanResult r) {
        s.g.wake = r;
        rt.ready(s.g);
        if (s.select != null) {
            for (Channel c : s.select.chans) {
                c.sendq.removeIf(x -> x.select == s.select);
                c.recvq.removeIf(x -> x.select == s.select);
            }
        }
    }

    /** Buffer writes go through the write barrier, like {@code typedmemmove} in chansend. */
    private void putBuffer(Goroutine g, Channel c, Elem e) {
        int base = c.sendx * c.elemPtrWords;
        for (int k = 0; k < c.elemPtrWords; k++) {
            long v = k < e.ptrs().length ? e.ptrs()[k] : 0;
            if (g == null) {
                // A timer's sendTime: its Time points only at a Location, never into the heap,
                // and the slot was cleared by the last receive.
                if (v != 0) {
                    throw new IllegalStateException("the runtime sends no heap pointers");
                }
                continue;
            }
            rt.mutatorStore(g, c.bufAddr, base + k, v);
        }
        c.buf.addLast(e);
        c.sendx = (c.sendx + 1) % c.cap;
    }

    /** The slot is cleared after a receive ({@code typedmemclr}), so the GC no longer sees it. */
    private Elem takeBuffer(Goroutine g, Channel c) {
        int base = c.recvx * c.elemPtrWords;
        for (int k = 0; k < c.elemPtrWords; k++) {
            rt.mutatorStore(g, c.bufAddr, base + k, 0);
        }
        c.recvx = (c.recvx + 1) % c.cap;
        return c.buf.pollFirst();
    }
}
