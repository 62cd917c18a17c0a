package dev.goroscope.engine.event;


import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.WaitReason;

/** Events of the scheduler: goroutines coming and going, changing state, and the virtual clock. */
public sealed interface SchedEvent extends Event {

    /**
     * {@code newproc}: a goroutine was created (a fresh G with a 2 KiB stack, or a dead G reused
     * with the stack it kept).
     *
     * @param sp          the stack pointer after {@code newproc}'s initial frame
     * @param reusedGid   the dead goroutine whose G struct was recycled (0 for a new G); it
     *                    disappears from the list of dead goroutines
     * @param stackReused whether the recycled G's kept stack is the new goroutine's stack
     */
    record GoroutineCreated(long gid, long parentGid, String entry, long lo, long hi, long sp,
                            long reusedGid, boolean stackReused) implements SchedEvent {
        public boolean reused() {
            return reusedGid != 0;
        }

        @Override
        public EventKind kind() {
            return EventKind.GOROUTINE;
        }

        @Override
        public String narration() {
            String who = parentGid > 0 ? "goroutine " + parentGid + " started" : "the runtime started";
            return who + " goroutine " + gid + " running " + entry + " with a " + Fmt.size(hi - lo) + " stack at "
                    + Fmt.addr(lo) + (!reused() ? " (a new G: always 2 KiB)"
                    : stackReused ? " (the G of dead goroutine " + reusedGid + ", reused with the stack it kept)"
                    : " (the G of dead goroutine " + reusedGid + ", reused with a stack of the starting size)");
        }
    }

    /** {@code casgstatus}: a goroutine changed status. */
    record GoroutineStatusChanged(long gid, GStatus from, GStatus to, WaitReason fromReason,
                                  WaitReason toReason) implements SchedEvent {
        @Override
        public EventKind kind() {
            return EventKind.SCHEDULE;
        }

        @Override
        public String narration() {
            String why = to == GStatus.WAITING && toReason != WaitReason.NONE ? " [" + toReason.text() + "]" : "";
            String extra = to == GStatus.DEAD ? "; its G goes on the free list and is never freed" : "";
            return "goroutine " + gid + ": " + from.goName() + " -> " + to.goName() + why + extra;
        }
    }

    /** The virtual clock moved on (sleeping goroutines wake on it). */
    record ClockAdvanced(long fromNanos, long toNanos) implements SchedEvent {
        @Override
        public EventKind kind() {
            return EventKind.SCHEDULE;
        }

        @Override
        public String narration() {
            return "the clock moves on " + (toNanos - fromNanos) / 1000 + " microseconds";
        }
    }
}
