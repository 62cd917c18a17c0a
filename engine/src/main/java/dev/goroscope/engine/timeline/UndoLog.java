package dev.goroscope.engine.timeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * What some events destroy and their undo needs back: the old high-water mark of a stack, the
 * grey-queue stamp an object had, the gctrace line before the last cycle ended.
 *
 * <p>The log is a stack: {@code apply} pushes, {@code undo} pops, in reverse order. Why it can be
 * shared by a replica and all its copies (checkpoints): a replica's log at position {@code p} is
 * the entries pushed by events {@code [0, p)} in order, and those are a pure function of the
 * timeline. Two replicas of one timeline at different positions therefore hold prefixes of one
 * sequence, and each {@link Cursor} keeps only its own depth. Re-applying an event rewrites the
 * entry that is already there; if a cursor ever writes a different value (a replica fed another
 * sequence, as tests do), it forks its own copy of the prefix and the others are untouched.
 */
final class UndoLog {
    private long[] longs = new long[64];
    private int longSize;
    private Object[] objects = new Object[16];
    private int objectSize;

    /** One replica's depth in a shared log. */
    static final class Cursor {
        private UndoLog log;
        private int nl;
        private int no;

        Cursor() {
            this.log = new UndoLog();
        }

        private Cursor(Cursor o) {
            this.log = o.log;
            this.nl = o.nl;
            this.no = o.no;
        }

        Cursor copy() {
            return new Cursor(this);
        }

        void pushLong(long v) {
            UndoLog l = log;
            if (nl < l.longSize) {
                if (l.longs[nl] != v) {
                    fork();
                    pushLong(v);
                    return;
                }
            } else {
                if (nl == l.longs.length) {
                    l.longs = Arrays.copyOf(l.longs, nl * 2);
                }
                l.longs[nl] = v;
                l.longSize = nl + 1;
            }
            nl++;
        }

        long popLong() {
            if (nl == 0) {
                throw new IllegalStateException("undo log empty: an event was undone that was never applied");
            }
            return log.longs[--nl];
        }

        void pushObject(Object v) {
            UndoLog l = log;
            if (no < l.objectSize) {
                if (!Objects.deepEquals(l.objects[no], v)) {
                    fork();
                    pushObject(v);
                    return;
                }
            } else {
                if (no == l.objects.length) {
                    l.objects = Arrays.copyOf(l.objects, no * 2);
                }
                l.objects[no] = v;
                l.objectSize = no + 1;
            }
            no++;
        }

        Object popObject() {
            if (no == 0) {
                throw new IllegalStateException("undo log empty: an event was undone that was never applied");
            }
            return log.objects[--no];
        }

        /** Entries this cursor holds (for tests and memory estimates). */
        int depth() {
            return nl + no;
        }

        private void fork() {
            UndoLog f = new UndoLog();
            f.longs = Arrays.copyOf(log.longs, Math.max(64, nl * 2));
            f.longSize = nl;
            f.objects = Arrays.copyOf(log.objects, Math.max(16, no * 2));
            f.objectSize = no;
            log = f;
        }
    }
}
