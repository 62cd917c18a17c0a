package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;

/**
 * A channel ({@code runtime.hchan}, chan.go): a circular buffer of {@code cap} elements and two
 * wait queues of parked goroutines. The hchan is a heap object; the buffer of a channel whose
 * elements hold pointers is a second heap object with one pointer field per pointer word of
 * each element, so the collector traces what sits in the buffer.
 */
public final class Channel {
    /** sizeof(hchan) on amd64. */
    public static final long HCHAN_SIZE = 96;

    /** An element in flight: the interpreter's value and the heap pointers it holds. */
    public record Elem(Object value, long[] ptrs) {
        public static final Elem ZERO = new Elem(null, new long[0]);
    }

    /** A parked goroutine's request ({@code sudog}): what it sends, or where it receives. */
    static final class Sudog {
        final Goroutine g;
        final Elem send;
        /** For select: the case this sudog stands for. */
        final int caseIndex;
        final SelectWait select;

        Sudog(Goroutine g, Elem send, int caseIndex, SelectWait select) {
            this.g = g;
            this.send = send;
            this.caseIndex = caseIndex;
            this.select = select;
        }
    }

    /** The shared state of one parked select: the first case to complete wins. */
    static final class SelectWait {
        boolean done;
        final java.util.List<Channel> chans = new java.util.ArrayList<>();
    }

    final long addr;
    final long bufAddr;
    final int cap;
    final long elemSize;
    final int elemPtrWords;
    final String elemType;
    final ArrayDeque<Elem> buf = new ArrayDeque<>();
    final ArrayDeque<Sudog> recvq = new ArrayDeque<>();
    final ArrayDeque<Sudog> sendq = new ArrayDeque<>();
    boolean closed;
    /** Ring position of the next element sent into the buffer ({@code sendx}). */
    int sendx;
    /** Ring position of the next element received ({@code recvx}). */
    int recvx;

    Channel(long addr, long bufAddr, int cap, long elemSize, int elemPtrWords, String elemType) {
        this.addr = addr;
        this.bufAddr = bufAddr;
        this.cap = cap;
        this.elemSize = elemSize;
        this.elemPtrWords = elemPtrWords;
        this.elemType = elemType;
    }

    /** The hchan's heap address: what a Go {@code chan} value is. */
    public long addr() {
        return addr;
    }

    public int len() {
        return buf.size();
    }

    public int cap() {
        return cap;
    }

    public boolean closed() {
        return closed;
    }

    /** Goroutines parked sending or receiving on this channel. */
    public int waiting() {
        return recvq.size() + sendq.size();
    }
}
