package dev.goroscope.engine.runtime;

/**
 * What the runtime knows of a function: its name, its frame size (the {@code $N} of its
 * {@code TEXT} line, which includes the saved frame pointer but not the return address the
 * CALL pushes) and how many pointer slots its frame holds (its stack map).
 *
 * @param name      e.g. {@code main.f}
 * @param frameSize bytes of locals, spills, outgoing arguments and saved BP
 * @param ptrSlots  pointer slots the GC and copystack see: the frame's pointer-holding words (a
 *                  compiled function may have more than {@code frameSize / 8} of them when gc keeps
 *                  pointers in registers across safe points; they are modelled as slots too)
 * @param nosplit   no prologue check: gc marks small leaf functions NOSPLIT, and they run in
 *                  the 800 bytes the guard keeps free below {@code stackguard0} (§1, §2.1)
 */
public record FuncInfo(String name, long frameSize, int ptrSlots, boolean nosplit) {
    public FuncInfo(String name, long frameSize, int ptrSlots) {
        this(name, frameSize, ptrSlots, false);
    }

    public FuncInfo {
        if (frameSize < 0 || ptrSlots < 0) {
            throw new IllegalArgumentException("frame of " + name + ": negative size or slot count");
        }
    }

    public static FuncInfo of(String name, long frameSize) {
        return new FuncInfo(name, frameSize, 0, false);
    }
}
