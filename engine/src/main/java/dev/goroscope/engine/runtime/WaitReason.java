package dev.goroscope.engine.runtime;

/** Why a goroutine is {@code _Gwaiting}, with the runtime's traceback strings (runtime2.go). */
public enum WaitReason {
    NONE(""),
    CHAN_RECEIVE("chan receive"),
    CHAN_SEND("chan send"),
    CHAN_RECEIVE_NIL("chan receive (nil chan)"),
    CHAN_SEND_NIL("chan send (nil chan)"),
    SELECT("select"),
    SELECT_NO_CASES("select (no cases)"),
    SLEEP("sleep"),
    SYNC_MUTEX_LOCK("sync.Mutex.Lock"),
    SYNC_RWMUTEX_RLOCK("sync.RWMutex.RLock"),
    SYNC_RWMUTEX_LOCK("sync.RWMutex.Lock"),
    SYNC_WAITGROUP_WAIT("sync.WaitGroup.Wait"),
    SEMACQUIRE("semacquire"),
    GC_ASSIST_WAIT("GC assist wait"),
    GC_WORKER_IDLE("GC worker (idle)"),
    GARBAGE_COLLECTION("garbage collection"),
    WAIT_FOR_GC_CYCLE("wait for GC cycle"),
    FORCE_GC_IDLE("force gc (idle)"),
    GC_SWEEP_WAIT("GC sweep wait"),
    FINALIZER_WAIT("finalizer wait"),
    GC_SCAVENGE_WAIT("GC scavenge wait"),
    PREEMPTED("preempted"),
    DEBUG_CALL("debug call"),
    STOPPING_THE_WORLD("stopping the world");

    private final String text;

    WaitReason(String text) {
        this.text = text;
    }

    /** The string the runtime prints, e.g. {@code chan receive}. */
    public String text() {
        return text;
    }
}
