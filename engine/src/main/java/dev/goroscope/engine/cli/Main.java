package dev.goroscope.engine.cli;

/** Entry point of the {@code goroscope} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("goroscope engine");
    }
}
