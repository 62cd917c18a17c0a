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

    /**
     * A panic value whose type has an Error or String method: {@code printpanics} prints that
     * method's result, which {@code preprintpanics} gets by calling it once no deferred call has
     * recovered the panic (runtime/panic.go), as Go code on the panicking goroutine.
     */
    public interface Preprint {
        /** The method's frame contents; may panic (a value method called through a nil pointer). */
        Call prepare(Machine.Thread t);

        /** The reason {@code preprintpanics} throws when the method itself panics with {@code nested}. */
        String whilePrinting(GoPanic nested);
    }

    /** A Go function to run and its arguments, each register file from the first. */
    public record Call(Code code, long[] ints, Object[] refs) {}

    private Preprint preprint;
    private String printed;

    /** This panic, whose value prints through {@code p}'s method. */
    public GoPanic withPreprint(Preprint p) {
        preprint = p;
        return this;
    }

    Preprint preprint() {
        return preprint;
    }

    /** preprintpanics has replaced the value by its method's result: {@code panic: } prints it. */
    void printed(String text) {
        printed = text;
        preprint = null;
    }

    @Override
    public String getMessage() {
        return printed != null ? printed : super.getMessage();
    }

    public Object value() {
        return value;
    }

    public boolean isRuntimeError() {
        return runtimeError;
    }
}
