package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GStatus;

/**
 * The goroutines of a replica, in creation order, and how scheduler and stack events change
 * them.
 *
 * <p>Goroutines are never removed (a dead G stays, as in {@code allgs}); only undoing a
 * creation removes one, and by the undo order that is always the newest. So a goroutine's
 * index is its creation rank, the same on every path to a position.
 *
 * <p>A dead goroutine keeps the frames it had, because the runtime's {@code goexit} drops them
 * without one pop event each; views hide the frames of dead goroutines.
 */
final class Goroutines {
    private LongIntMap index;
    private Cow.Refs<GState> gs;
    private int n;
    private int gen;
    private int live;
    /** Of those, the runtime's own ({@link GoroutineView#system}). */
    private int systemLive;
    private final Cow.Meter meter;

    Goroutines(Cow.Meter meter) {
        this.meter = meter;
        this.index = new LongIntMap(meter);
        this.gs = new Cow.Refs<>(meter);
        this.gen = Cow.freshGeneration();
    }

    private Goroutines(Goroutines o, Cow.Meter meter) {
        this.meter = meter;
        this.index = o.index.copy(meter);
        this.gs = o.gs.copy(meter);
        this.n = o.n;
        this.live = o.live;
        this.systemLive = o.systemLive;
        this.gen = Cow.freshGeneration();
    }

    /** A copy sharing every goroutine; both sides clone a goroutine before changing it. */
    Goroutines copy(Cow.Meter meter) {
        gen = Cow.freshGeneration();
        return new Goroutines(this, meter);
    }

    int size() {
        return n;
    }

    /** Goroutines that are not {@code _Gdead}. */
    int live() {
        return live;
    }

    /**
     * What {@code runtime.NumGoroutine} returns: {@code gcount()}, the goroutines that are not
     * dead less the runtime's own ({@code sched.ngsys}, counted in {@code newproc1} and
     * {@code goexit0} by {@code isSystemGoroutine}).
     */
    int numGoroutine() {
        return live - systemLive;
    }

    /** A goroutine leaves or rejoins the living. */
    private void counted(GState g, int d) {
        live += d;
        if (GoroutineView.system(g.entry)) {
            systemLive += d;
        }
    }

    GState at(int i) {
        return gs.get(i);
    }

    private GState read(long gid) {
        int i = index.get(gid);
        if (i < 0) {
            throw new IllegalStateException("no goroutine " + gid);
        }
        return gs.get(i);
    }

    private GState write(long gid) {
        int i = index.get(gid);
        if (i < 0) {
            throw new IllegalStateException("no goroutine " + gid);
        }
        GState g = gs.get(i);
        if (g.owner != gen) {
            g = g.copy(gen);
            gs.set(i, g);
            meter.bytes += 64 + 8L * g.nslots + 40L * g.nruns;
        }
        return g;
    }

    void apply(SchedEvent e) {
        if (e instanceof SchedEvent.GoroutineCreated) {
            SchedEvent.GoroutineCreated c = (SchedEvent.GoroutineCreated) e;
            if (index.get(c.gid()) >= 0) {
                throw new IllegalStateException("goroutine " + c.gid() + " created twice");
            }
            if (c.reused()) {
                GState old = write(c.reusedGid());
                if (old.status != GStatus.DEAD || old.recycled) {
                    throw new IllegalStateException("goroutine " + c.reusedGid() + " cannot be recycled");
                }
                old.recycled = true;
            }
            GState g = new GState(gen, c.gid(), c.entry());
            g.lo = c.lo();
            g.hi = c.hi();
            g.sp0 = c.sp();
            g.highWater = c.hi() - c.sp();
            gs.ensure(n + 1);
            gs.set(n, g);
            index.put(c.gid(), n);
            n++;
            counted(g, 1);
        } else if (e instanceof SchedEvent.GoroutineStatusChanged) {
            SchedEvent.GoroutineStatusChanged s = (SchedEvent.GoroutineStatusChanged) e;
            setStatus(s.gid(), s.from(), s.fromReason(), s.to(), s.toReason());
        }
        // ClockAdvanced changes nothing a replica shows.
    }

    void undo(SchedEvent e) {
        if (e instanceof SchedEvent.GoroutineCreated) {
            SchedEvent.GoroutineCreated c = (SchedEvent.GoroutineCreated) e;
            if (n == 0 || gs.get(n - 1).gid != c.gid()) {
                throw new IllegalStateException("undo of the creation of goroutine " + c.gid() + ", not the newest");
            }
            if (gs.get(n - 1).status != GStatus.DEAD) {
                counted(gs.get(n - 1), -1);
            }
            n--;
            gs.set(n, null);
            index.remove(c.gid());
            if (c.reused()) {
                write(c.reusedGid()).recycled = false;
            }
        } else if (e instanceof SchedEvent.GoroutineStatusChanged) {
            SchedEvent.GoroutineStatusChanged s = (SchedEvent.GoroutineStatusChanged) e;
            setStatus(s.gid(), s.to(), s.toReason(), s.from(), s.fromReason());
        }
    }

    private void setStatus(long gid, GStatus from, dev.goroscope.engine.runtime.WaitReason fromReason,
                           GStatus to, dev.goroscope.engine.runtime.WaitReason toReason) {
        GState g = write(gid);
        if (g.status != from) {
            throw new IllegalStateException("goroutine " + gid + " is " + g.status.goName() + ", not "
                    + from.goName());
        }
        if (from == GStatus.DEAD) {
            counted(g, 1);
        }
        if (to == GStatus.DEAD) {
            counted(g, -1);
        }
        g.status = to;
        g.wait = toReason;
        assert fromReason != null;
    }

    /** Applies a stack event; {@code log} keeps what undo will need. */
    void apply(StackEvent e, UndoLog.Cursor log) {
        if (e instanceof StackEvent.FramePushed) {
            StackEvent.FramePushed f = (StackEvent.FramePushed) e;
            GState g = write(f.gid());
            g.push(f.function(), f.frameSize(), f.ptrSlots(), f.spAfter(), null);
            log.pushLong(g.highWater);
            g.highWater = Math.max(g.highWater, g.used());
        } else if (e instanceof StackEvent.FramePopped) {
            StackEvent.FramePopped f = (StackEvent.FramePopped) e;
            GState g = write(f.gid());
            long sp = g.sp();
            long[] had = g.pop(f.function(), f.frameSize());
            if (!java.util.Arrays.equals(had, f.slots())) {
                g.push(f.function(), f.frameSize(), had.length, sp, had);
                throw new IllegalStateException("goroutine " + f.gid() + ": " + f.function()
                        + " popped with slots the replica does not have");
            }
        } else if (e instanceof StackEvent.SlotWritten) {
            StackEvent.SlotWritten w = (StackEvent.SlotWritten) e;
            writeSlot(w.gid(), w.depth(), w.slot(), w.oldValue(), w.newValue());
        } else if (e instanceof StackEvent.Copy) {
            StackEvent.Copy c = (StackEvent.Copy) e;
            GState g = write(c.gid());
            if (g.lo != c.oldLo() || g.hi != c.oldHi()) {
                throw new IllegalStateException("goroutine " + c.gid() + ": copy of a stack it does not have");
            }
            g.shift(c.oldLo(), c.oldHi(), c.delta());
            g.lo = c.newLo();
            g.hi = c.newHi();
            log.pushLong(g.highWater);
            g.highWater = Math.max(c.used(), g.used());
        } else if (e instanceof StackEvent.StackAllocated) {
            StackEvent.StackAllocated a = (StackEvent.StackAllocated) e;
            GState g = write(a.gid());
            if (g.hi != 0) {
                throw new IllegalStateException("goroutine " + a.gid() + " got a stack while it had one");
            }
            g.lo = a.lo();
            g.hi = a.hi();
        } else if (e instanceof StackEvent.StackFreed) {
            StackEvent.StackFreed f = (StackEvent.StackFreed) e;
            GState g = write(f.gid());
            if (g.lo != f.lo() || g.hi != f.hi()) {
                throw new IllegalStateException("goroutine " + f.gid() + ": free of a stack it does not have");
            }
            g.lo = 0;
            g.hi = 0;
        }
        // ShrinkDeferred and StackOverflow change no goroutine (the Fatal event after an overflow carries its lines).
    }

    void undo(StackEvent e, UndoLog.Cursor log) {
        if (e instanceof StackEvent.FramePushed) {
            StackEvent.FramePushed f = (StackEvent.FramePushed) e;
            GState g = write(f.gid());
            g.highWater = log.popLong();
            g.pop(f.function(), f.frameSize());
        } else if (e instanceof StackEvent.FramePopped) {
            StackEvent.FramePopped f = (StackEvent.FramePopped) e;
            GState g = write(f.gid());
            // The popped frame sat frameSize + 8 (its return address) below spAfter.
            long sp = f.spAfter() - f.frameSize() - dev.goroscope.engine.runtime.Sys.PTR_SIZE;
            g.push(f.function(), f.frameSize(), f.slots().length, sp, f.slots());
        } else if (e instanceof StackEvent.SlotWritten) {
            StackEvent.SlotWritten w = (StackEvent.SlotWritten) e;
            writeSlot(w.gid(), w.depth(), w.slot(), w.newValue(), w.oldValue());
        } else if (e instanceof StackEvent.Copy) {
            StackEvent.Copy c = (StackEvent.Copy) e;
            GState g = write(c.gid());
            if (g.lo != c.newLo() || g.hi != c.newHi()) {
                throw new IllegalStateException("goroutine " + c.gid() + ": undo of a copy it did not make");
            }
            g.highWater = log.popLong();
            // Exactly the values the copy moved: the image of the old block.
            g.shift(c.oldLo() + c.delta(), c.oldHi() + c.delta(), -c.delta());
            g.lo = c.oldLo();
            g.hi = c.oldHi();
        } else if (e instanceof StackEvent.StackAllocated) {
            GState g = write(e.gid());
            g.lo = 0;
            g.hi = 0;
        } else if (e instanceof StackEvent.StackFreed) {
            StackEvent.StackFreed f = (StackEvent.StackFreed) e;
            GState g = write(f.gid());
            g.lo = f.lo();
            g.hi = f.hi();
        }
    }

    private void writeSlot(long gid, int depth, int slot, long expect, long value) {
        GState g = write(gid);
        int i = g.slotIndex(depth, slot);
        if (g.slots[i] != expect) {
            throw new IllegalStateException("goroutine " + gid + ": slot " + slot + " of frame " + depth
                    + " holds 0x" + Long.toHexString(g.slots[i]) + ", the event says 0x" + Long.toHexString(expect));
        }
        g.slots[i] = value;
    }

    /** {@code scanstack} marked this stack scanned in {@code cycle}. */
    void scanned(long gid, int cycle, UndoLog.Cursor log) {
        GState g = write(gid);
        log.pushLong(g.scannedCycle);
        g.scannedCycle = cycle;
    }

    /** A line event: the goroutine's current line. */
    void line(long gid, int line) {
        write(gid).line = line;
    }

    void unscanned(long gid, UndoLog.Cursor log) {
        write(gid).scannedCycle = (int) log.popLong();
    }

    /** Read-only access for checks and views. */
    GState get(long gid) {
        return read(gid);
    }
}
