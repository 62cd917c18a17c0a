package dev.goroscope.engine.runtime;

/**
 * The heap the runtime and the standard library allocate for themselves before {@code main.main}
 * runs, as the collector sees it: live for good and scanned by every cycle.
 *
 * <p>{@code GODEBUG=allocfreetrace=1} lists 84 objects (41.6 KB) for a go1.19.8 linux/amd64
 * program that imports fmt: a {@code runtime.p} of 9,472 bytes per P, three {@code runtime.m}
 * of 1,024 and the G structs of their g0 and gsignal, the growing {@code allgs} and {@code allp}
 * slices, unicode's tables (map buckets of 8 KiB and less), 32 {@code errors.errorString}s and
 * os's files. Nearly all of it holds pointers, so it is most of a small program's heap scan work
 * (gcpacertrace: 40,072 bytes at lesson 11's first cycle), which the pacer's assist ratio divides
 * by: without it each assist is credited with a fifth more allocation than in Go.
 *
 * <p>Deviation: these objects are not simulated one by one (they would crowd every lesson's heap
 * view with runtime internals). Their scan work is one root job, after the globals that point to
 * them, as Go scans them once the BSS job has greyed them; the G structs of the goroutines the
 * engine starts are real objects. HeapAlloc, HeapObjects and Mallocs therefore leave out these
 * 41.6 KB, which real Go counts from the start.
 */
final class BootHeap {
    private BootHeap() {}

    /** {@code sizeof(runtime.p)} in go1.19.8 (size class 9472). */
    static final long SIZEOF_P = 9472;
    /** Pointer-holding bytes of the listing besides the P structs and the goroutines' G structs. */
    static final long OTHER_BYTES = 20_312;
    /** Objects of the listing besides the P structs and the goroutines' G structs. */
    static final int OTHER_OBJECTS = 77;

    /** Bytes the collector scans of it with {@code procs} Ps (P structs are never freed). */
    static long scanBytes(int procs) {
        return OTHER_BYTES + SIZEOF_P * procs;
    }

    /** Objects the collector scans. */
    static int objects(int procs) {
        return OTHER_OBJECTS + procs;
    }
}
