package dev.goroscope.engine.runtime;

/**
 * {@code gcphase} (§1) plus the two stop-the-world windows of a cycle (§4.2), which the
 * runtime does not store as a phase but which a viewer needs to see.
 */
public enum GcPhase {
    /** {@code _GCoff}: not marking; sweeping may be under way. Write barrier off. */
    OFF("_GCoff", false),
    /** STW #1, sweep termination: the world is stopped, gcphase is still {@code _GCoff}. */
    SWEEP_TERMINATION("sweep termination (STW)", true),
    /** {@code _GCmark}: concurrent mark; write barrier on, allocation black. */
    MARK("_GCmark", false),
    /** {@code _GCmarktermination}: STW #2; write barrier still on. */
    MARK_TERMINATION("_GCmarktermination (STW)", true);

    private final String label;
    private final boolean stopTheWorld;

    GcPhase(String label, boolean stopTheWorld) {
        this.label = label;
        this.stopTheWorld = stopTheWorld;
    }

    public String label() {
        return label;
    }

    public boolean stopTheWorld() {
        return stopTheWorld;
    }

    /** {@code writeBarrier.enabled} is set iff gcphase is mark or mark termination. */
    public boolean writeBarrierOn() {
        return this == MARK || this == MARK_TERMINATION;
    }

    /** {@code gcmarknewobject}: allocation is black while gcphase != _GCoff (§4.5). */
    public boolean allocateBlack() {
        return this == MARK || this == MARK_TERMINATION;
    }
}
