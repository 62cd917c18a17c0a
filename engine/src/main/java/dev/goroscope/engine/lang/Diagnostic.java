package dev.goroscope.engine.lang;

/**
 * One compiler message, printed the way {@code go build} prints it:
 * {@code prog.go:3:14: syntax error: unexpected newline, expected comma or )}.
 * Columns are 1-based byte columns.
 */
public record Diagnostic(String file, int line, int col, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + col + ": " + message;
    }

    /** Diagnostics one per line, as the compiler prints them. */
    public static String lines(java.util.List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d);
        }
        return sb.toString();
    }
}
