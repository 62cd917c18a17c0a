package dev.goroscope.engine.lang.vm;

/**
 * A library function implemented in Java (fmt.Println, runtime.GC, ...). It reads its arguments
 * from the caller's registers and writes its results back; it may block the goroutine (a channel
 * receive), in which case it returns {@link Result#BLOCKED} and is called again with
 * {@code resumed = true} when the goroutine runs next.
 *
 * <p>A native may also need Go code to run first (fmt calling a program's {@code String}
 * method): it asks for the call with {@link Machine.Thread#invoke} and returns
 * {@link Result#CALL}. The machine pushes that function's frame on top of the native's caller,
 * and when the function returns, the native is called again with {@code resumed = true} and finds
 * the results in {@link Machine.Thread#returnedInts()} and {@link Machine.Thread#returnedRefs()}.
 * What the native must remember meanwhile it keeps in {@link Machine.Thread#nativeState()}, which
 * belongs to the calling frame, so nested and concurrent uses do not meet.
 */
public interface Native {
    enum Result { DONE, BLOCKED, CALL }

    Result call(Machine.Thread t, long[] i, Object[] r, int argI, int argR, int resI, int resR, boolean resumed);
}
