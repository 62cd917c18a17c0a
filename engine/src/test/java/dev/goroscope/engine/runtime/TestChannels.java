package dev.goroscope.engine.runtime;

/** Lets tests outside this package hold a channel value without running a program. */
public final class TestChannels {
    private TestChannels() {}

    public static Channel unbuffered(long addr, String elemType) {
        return new Channel(addr, 0, 0, 8, 0, elemType);
    }
}
