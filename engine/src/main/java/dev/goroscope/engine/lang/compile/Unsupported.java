package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Pos;

/** A construct the compiler does not support yet: reported as {@code prog.go:L:C: unsupported: what}. */
final class Unsupported extends RuntimeException {
    final Pos pos;

    Unsupported(Pos pos, String what) {
        super("unsupported: " + what, null, false, false);
        this.pos = pos;
    }
}
