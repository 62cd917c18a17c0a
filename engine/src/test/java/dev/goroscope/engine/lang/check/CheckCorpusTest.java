package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus program type-checks under both Go versions. Two corpus programs are not
 * accepted as they stand, on purpose, and are pinned here with their exact errors: the seed's
 * {@code const workers = runtime.GOMAXPROCS(0)} (gc rejects it too), and {@code goto}, which
 * Goroscope refuses unless asked to only type-check it.
 */
class CheckCorpusTest {

    static final Map<String, String> EXPECTED = Map.of(
            "control.go", "control.go:50:3: unsupported: goto",
            "001_worker_pool.go", "001_worker_pool.go:26:18: runtime.GOMAXPROCS(0) (value of type int) is not constant");

    /** Go 1.19 cannot range over an integer (1.22 can). */
    static final String CONTROL_119 = "control.go:50:3: unsupported: goto\n"
            + "control.go:73:12: cannot range over 3 (untyped int constant)";

    static Stream<Path> programs() {
        return Programs.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void checks(Path file) {
        String name = file.getFileName().toString();
        SourceFile f = Parser.parse(name, Programs.read(file));
        for (GoVersion v : GoVersion.values()) {
            String got;
            try {
                Checker.check(f, v);
                got = "";
            } catch (GoCompileError e) {
                got = e.getMessage();
            }
            String want = name.equals("control.go") && v == GoVersion.V1_19 ? CONTROL_119
                    : EXPECTED.getOrDefault(name, "");
            assertThat(got).as(name + " " + v).isEqualTo(want);
        }
        if (name.equals("control.go")) {
            Info info = Checker.check(f, GoVersion.V1_23, true);
            assertThat(info.functions()).isNotEmpty();
        }
    }
}
