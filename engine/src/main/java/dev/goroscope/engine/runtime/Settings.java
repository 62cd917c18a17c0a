package dev.goroscope.engine.runtime;

/**
 * Everything that shapes a run besides the program: the environment variables Go reads
 * (GOGC, GOMEMLIMIT, GODEBUG, GOMAXPROCS), the profile, the barrier, the seed, and the size of
 * the simulated machine. Immutable; {@code withX} returns a changed copy.
 *
 * @param profile            which Go release to mirror
 * @param gogc               GOGC percent; -1 means {@code GOGC=off}
 * @param memoryLimit        GOMEMLIMIT in bytes; {@link Long#MAX_VALUE} means no limit
 * @param gomaxprocs         number of Ps
 * @param barrier            the write-barrier algorithm
 * @param maxStack           {@code maxstacksize} once main starts (debug.SetMaxStack changes it later)
 * @param gcShrinkStackOff   GODEBUG {@code gcshrinkstackoff=1}
 * @param adaptiveStackStart GODEBUG {@code adaptivestackstart} (default on, §2.7)
 * @param gctrace            GODEBUG {@code gctrace=1}
 * @param gcpacertrace       GODEBUG {@code gcpacertrace=1}: the pacer's lines at each cycle's start and end
 * @param seed               seed of the deterministic interleaving
 * @param machineMemory      bytes the simulated machine can map before "out of memory"
 * @param pacedGc            start GC cycles when the heap reaches the trigger (off: only forced cycles)
 * @param backgroundMark     let background workers and assists do mark work on their own
 *                           (off: mark work happens only when the driver steps the GC)
 */
public record Settings(
        GoProfile profile,
        int gogc,
        long memoryLimit,
        int gomaxprocs,
        BarrierMode barrier,
        long maxStack,
        boolean gcShrinkStackOff,
        boolean adaptiveStackStart,
        boolean gctrace,
        boolean gcpacertrace,
        long seed,
        long machineMemory,
        boolean pacedGc,
        boolean backgroundMark) {

    public Settings {
        if (gomaxprocs < 1) {
            throw new IllegalArgumentException("GOMAXPROCS must be at least 1");
        }
        if (gogc < -1) {
            throw new IllegalArgumentException("GOGC must be a percentage or off");
        }
        if (maxStack <= 0 || machineMemory <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** CPUs of the simulated machine ({@code runtime.NumCPU}), whatever GOMAXPROCS says. */
    public static final int MACHINE_CPUS = 2;

    /** The simulated machine's CPU count. */
    public int ncpu() {
        return MACHINE_CPUS;
    }

    /**
     * The simulated machine's memory: what the runtime can map before it dies with
     * {@code fatal error: out of memory} (a laptop's 8 GiB; {@code --machine-memory} changes it).
     */
    public static final long DEFAULT_MACHINE_MEMORY = 8L << 30;

    /** Go's defaults: GOGC=100, no memory limit, GOMAXPROCS=2 (this machine), hybrid barrier. */
    public static Settings defaults() {
        return new Settings(GoProfile.GO_1_19, 100, Long.MAX_VALUE, MACHINE_CPUS, BarrierMode.HYBRID,
                Sys.MAX_STACK_SIZE, false, true, false, false, 1, DEFAULT_MACHINE_MEMORY, true, true);
    }

    public Settings withProfile(GoProfile p) {
        return new Settings(p, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withGogc(int v) {
        return new Settings(profile, v, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withMemoryLimit(long v) {
        return new Settings(profile, gogc, v, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withGomaxprocs(int v) {
        return new Settings(profile, gogc, memoryLimit, v, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withBarrier(BarrierMode v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, v, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withMaxStack(long v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, v, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withGcShrinkStackOff(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, v,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withAdaptiveStackStart(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                v, gctrace, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withGctrace(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, v, gcpacertrace, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withGcpacertrace(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, v, seed, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withSeed(long v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, v, machineMemory, pacedGc, backgroundMark);
    }

    public Settings withMachineMemory(long v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, v, pacedGc, backgroundMark);
    }

    public Settings withPacedGc(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, v, backgroundMark);
    }

    public Settings withBackgroundMark(boolean v) {
        return new Settings(profile, gogc, memoryLimit, gomaxprocs, barrier, maxStack, gcShrinkStackOff,
                adaptiveStackStart, gctrace, gcpacertrace, seed, machineMemory, pacedGc, v);
    }

    /**
     * Applies a GODEBUG string such as {@code gctrace=1,gcshrinkstackoff=1}. Unknown keys are
     * ignored, as the runtime ignores them.
     */
    public Settings withGodebug(String godebug) {
        Settings s = this;
        if (godebug == null || godebug.isBlank()) {
            return s;
        }
        for (String kv : godebug.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = kv.substring(0, eq).trim();
            boolean on = !kv.substring(eq + 1).trim().equals("0");
            switch (k) {
                case "gctrace" -> s = s.withGctrace(on);
                case "gcpacertrace" -> s = s.withGcpacertrace(on);
                case "gcshrinkstackoff" -> s = s.withGcShrinkStackOff(on);
                case "adaptivestackstart" -> s = s.withAdaptiveStackStart(on);
                default -> { }
            }
        }
        return s;
    }
}
