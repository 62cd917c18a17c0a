package dev.goroscope.engine.lang.ast;

/**
 * A source position as the Go compiler reports it: 1-based line and 1-based <em>byte</em>
 * column (a tab counts as one byte, a non-ASCII character as its UTF-8 length).
 *
 * <p>Keeping gc's convention means a diagnostic from Goroscope and one from {@code go build}
 * point at the same character, which matters when a teacher compares the two.
 */
public record Pos(int line, int col) implements Comparable<Pos> {

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return line + ":" + col;
    }
}
