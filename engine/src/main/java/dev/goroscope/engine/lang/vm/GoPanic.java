package dev.goroscope.engine.lang.vm;

/**
 * A Go panic unwinding a goroutine. {@code message} is what {@code panic: } prints (for a
 * runtime error, {@code runtime error: ...} with Go's wording).
 */
public final class GoPanic extends RuntimeException {
    private final Object value;
    private final boolean runtimeError;

    public GoPanic(String message, Object value, boolean runtimeError) {
        super(message, null, false, false);
        this.value = value;
        this.runtimeError = runtimeError;
    }

    /** {@code runtime error: integer divide by zero} and the like. */
    public static GoPanic runtimeError(String what) {
        return new GoPanic("runtime error: " + what, null, true);
    }

    public Object value() {
        return value;
    }

    public boolean isRuntimeError() {
        return runtimeError;
    }
}
