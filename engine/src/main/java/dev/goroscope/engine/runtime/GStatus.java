package dev.goroscope.engine.runtime;

/** Goroutine statuses with their runtime2.go values (§1). */
public enum GStatus {
    IDLE("_Gidle", 0),
    RUNNABLE("_Grunnable", 1),
    RUNNING("_Grunning", 2),
    SYSCALL("_Gsyscall", 3),
    WAITING("_Gwaiting", 4),
    DEAD("_Gdead", 6),
    COPYSTACK("_Gcopystack", 8),
    PREEMPTED("_Gpreempted", 9);

    private final String goName;
    private final int value;

    GStatus(String goName, int value) {
        this.goName = goName;
        this.value = value;
    }

    /** The runtime's own name, e.g. {@code _Grunnable}. */
    public String goName() {
        return goName;
    }

    public int value() {
        return value;
    }

    /** The word a traceback prints in {@code goroutine N [word]:}. */
    public String tracebackWord() {
        return switch (this) {
            case RUNNABLE -> "runnable";
            case RUNNING -> "running";
            case SYSCALL -> "syscall";
            case WAITING -> "waiting";
            case DEAD -> "dead";
            case COPYSTACK -> "copystack";
            case PREEMPTED -> "preempted";
            case IDLE -> "idle";
        };
    }
}
