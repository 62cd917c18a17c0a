package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.GoSyntaxError;
import dev.goroscope.engine.lang.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in lesson library ({@code resources/scenarios/NN-name/main.go} at the repository
 * root) parses and type-checks under the Go 1.19 profile, so every lesson a teacher opens gets
 * past the front end's checker.
 */
class LessonsCheckTest {

    /** Tests run with the engine module as working directory. */
    static final Path SCENARIOS = Path.of("..", "resources", "scenarios");

    static List<Path> lessons() {
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d\\d-.+"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no lesson folder at " + SCENARIOS.toAbsolutePath(), e);
        }
    }

    @Test
    void theLibraryHasTwelveLessonsNumberedInOrder() {
        List<Path> dirs = lessons();
        assertThat(dirs).hasSize(12);
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            assertThat(d.getFileName().toString()).startsWith(String.format("%02d-", i + 1));
            assertThat(d.resolve("main.go")).isRegularFile();
            assertThat(d.resolve("lesson.md")).isRegularFile();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void checksUnderGo119(Path dir) throws IOException {
        String name = dir.getFileName() + "/main.go";
        String src = Files.readString(dir.resolve("main.go"), StandardCharsets.UTF_8);
        String errors;
        try {
            Checker.check(Parser.parse(name, src), GoVersion.V1_19);
            errors = "";
        } catch (GoSyntaxError | GoCompileError e) {
            errors = e.getMessage();
        }
        assertThat(errors).as(name + " should parse and type-check").isEmpty();
    }
}
