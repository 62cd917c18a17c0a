package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helpers: the corpus under {@code src/test/resources/lang}, and checking small programs. */
final class Programs {

    private Programs() {
    }

    static Path root() {
        try {
            return Path.of(Programs.class.getResource("/lang").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> corpus() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.toString().endsWith(".go")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
