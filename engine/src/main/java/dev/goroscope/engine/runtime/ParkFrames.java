package dev.goroscope.engine.runtime;

import java.util.List;

/**
 * The runtime frames a goroutine has on its stack while parked, innermost last. The frame sizes
 * are modelled on Go 1.19's amd64 frames for these functions (their order of magnitude matters:
 * together they keep a parked goroutine's used stack above 224 bytes, so such a stack never
 * shrinks below 4 KiB, as measured in §2.10).
 */
final class ParkFrames {
    private ParkFrames() {}

    private static final FuncInfo GOPARK = FuncInfo.of("runtime.gopark", 48);
    private static final List<FuncInfo> RECV = List.of(FuncInfo.of("runtime.chanrecv1", 32),
            FuncInfo.of("runtime.chanrecv", 160), GOPARK);
    private static final List<FuncInfo> SEND = List.of(FuncInfo.of("runtime.chansend1", 32),
            FuncInfo.of("runtime.chansend", 168), GOPARK);
    private static final List<FuncInfo> SELECT = List.of(FuncInfo.of("runtime.selectgo", 312), GOPARK);
    private static final List<FuncInfo> SLEEP = List.of(FuncInfo.of("time.Sleep", 80),
            FuncInfo.of("runtime.timeSleep", 40), GOPARK);
    private static final List<FuncInfo> SEMA = List.of(FuncInfo.of("sync.runtime_Semacquire", 32),
            FuncInfo.of("runtime.semacquire1", 112), FuncInfo.of("runtime.goparkunlock", 32), GOPARK);
    private static final List<FuncInfo> PLAIN = List.of(GOPARK);

    static List<FuncInfo> forReason(WaitReason r) {
        return switch (r) {
            case CHAN_RECEIVE, CHAN_RECEIVE_NIL -> RECV;
            case CHAN_SEND, CHAN_SEND_NIL -> SEND;
            case SELECT, SELECT_NO_CASES -> SELECT;
            case SLEEP -> SLEEP;
            case SYNC_MUTEX_LOCK, SYNC_RWMUTEX_LOCK, SYNC_RWMUTEX_RLOCK, SYNC_WAITGROUP_WAIT, SEMACQUIRE -> SEMA;
            default -> PLAIN;
        };
    }
}
