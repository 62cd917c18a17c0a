package dev.goroscope.engine.runtime;

/**
 * The interpreter as the CPU the Ps' Ms run on: how many instructions it has executed, and where
 * the running slice must end so that another P can have its turn ({@link GoRuntime#beginSlice()}).
 */
public interface Cpu {
    /** Instructions executed so far, by every goroutine. */
    long instructions();

    /** The running slice ends with instruction number {@code n}. */
    void endSliceAt(long n);
}
