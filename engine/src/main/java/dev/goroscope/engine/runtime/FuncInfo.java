package dev.goroscope.engine.runtime;

/**
 * What the runtime knows of a function: its name, its frame size (the {@code $N} of its
 * {@code TEXT} line, which includes the saved frame pointer but not the return address the
 * CALL pushes) and how many pointer slots its frame holds (its stack map).
 *
 * @param name      e.g. {@code main.f}
 * @param frameSize bytes of locals, spills, outgoing arguments and saved BP
 * @param ptrSlots  pointer-sized slots at the bottom of the frame that the GC and copystack see
 * @param nosplit   no prologue check: gc marks small leaf functions NOSPLIT, and they run in
 *                  the 800 bytes the guard keeps free below {@code stackguard0} (§1, §2.1)
 */
public record FuncInfo(String name, long frameSize, int ptrSlots, boolean nosplit) {
    public FuncInfo(String name, long frameSize, int ptrSlots) {
        this(name, frameSize, ptrSlots, false);
    }

    public FuncInfo {
        if (frameSize < 0 || ptrSlots < 0 || (long) ptrSlots * Sys.PTR_SIZE > frameSize) {
            throw new IllegalArgumentException(
                    "frame of " + name + ": " + ptrSlots + " pointer slots do not fit in " + frameSize + " bytes");
        }
    }

    public static FuncInfo of(String name, long frameSize) {
        return new FuncInfo(name, frameSize, 0, false);
    }
}
