package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.Parser;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: the corpus under {@code src/test/resources/lang}, and checking small programs. */
final class Programs {

    private Programs() {
    }

    static Path root() {
        return dev.goroscope.engine.lang.Corpus.root();
    }

    static List<Path> corpus() {
        return dev.goroscope.engine.lang.Corpus.files();
    }

    static String read(Path p) {
        return dev.goroscope.engine.lang.Corpus.read(p);
    }

    static Info check(String src) {
        return Checker.check(Parser.parse("prog.go", src), GoVersion.V1_23);
    }

    static Info check(String src, GoVersion v) {
        return Checker.check(Parser.parse("prog.go", src), v);
    }

    /** The error text gc would print, or "" if the program checks. */
    static String errors(String src, GoVersion v) {
        try {
            Checker.check(Parser.parse("prog.go", src), v);
            return "";
        } catch (GoCompileError e) {
            return e.getMessage();
        }
    }

    static String errors(String src) {
        return errors(src, GoVersion.V1_23);
    }
}
