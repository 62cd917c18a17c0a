package dev.goroscope.engine.lang.vm;

/**
 * A library function implemented in Java (fmt.Println, runtime.GC, ...). It reads its arguments
 * from the caller's registers and writes its results back; it may block the goroutine (a channel
 * receive), in which case it returns {@link Result#BLOCKED} and is called again with
 * {@code resumed = true} when the goroutine runs next.
 */
public interface Native {
    enum Result { DONE, BLOCKED }

    Result call(Machine.Thread t, long[] i, Object[] r, int argI, int argR, int resI, int resR, boolean resumed);
}
