package dev.goroscope.engine.lang.gotool;

/** gc rejected the program; the message is what it printed. */
public final class GoBuildException extends Exception {
    public GoBuildException(String output) {
        super(output.strip(), null, false, false);
    }
}
