package dev.goroscope.engine.runtime;

/**
 * Which Go release the simulation mirrors. The stack algorithms are the same in both (§9);
 * what differs is listed here.
 */
public enum GoProfile {
    /** Go 1.19.8, the default profile. */
    GO_1_19("go1.19", 392, 416, 8 * 1024),
    /** Go 1.23.5. */
    GO_1_23("go1.23", 432, 448, 16 * 1024);

    private final String version;
    private final int sizeofG;
    private final int gSizeClass;
    private final int g0StackBytes;

    GoProfile(String version, int sizeofG, int gSizeClass, int g0StackBytes) {
        this.version = version;
        this.sizeofG = sizeofG;
        this.gSizeClass = gSizeClass;
        this.g0StackBytes = g0StackBytes;
    }

    public String version() {
        return version;
    }

    /** {@code sizeof(runtime.g)} on amd64, measured via DWARF (§1). */
    public int sizeofG() {
        return sizeofG;
    }

    /** The size class a {@code runtime.g} lands in (§1). */
    public int gSizeClass() {
        return gSizeClass;
    }

    /** The g0 stack of a non-cgo Linux M: 8 KiB in 1.19, 16 KiB in 1.23 (§1). */
    public int g0StackBytes() {
        return g0StackBytes;
    }

    /**
     * The "MB stacks" field of a gctrace line: 1.19 prints {@code maxStackScan} (allocated
     * scannable stack), 1.23 prints {@code lastStackScan} (stack bytes scanned) (§5, §9).
     */
    public boolean gctraceStacksAreScanned() {
        return this == GO_1_23;
    }

    /** The header of a goroutine in a traceback: 1.23 adds gp/m/mp (§2.8). */
    public String goroutineHeader(long goid, String state) {
        if (this == GO_1_23) {
            return "goroutine " + goid + " gp=0x" + Long.toHexString(0xc000006000L + goid * sizeofG)
                    + " m=0 mp=0x7b6e80 [" + state + "]:";
        }
        return "goroutine " + goid + " [" + state + "]:";
    }

    public static GoProfile parse(String s) {
        return switch (s.trim()) {
            case "1.19", "go1.19" -> GO_1_19;
            case "1.23", "go1.23" -> GO_1_23;
            default -> throw new IllegalArgumentException("unknown Go profile " + s + " (want 1.19 or 1.23)");
        };
    }
}
