package dev.goroscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MVVM kept honest (ARCHITECTURE.md): view models may use JavaFX properties and collections but
 * never the scene graph, the stage or the application thread, so they are tested without the
 * toolkit; and the engine module never sees JavaFX at all.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/goroscope/app");
    private static final List<String> FORBIDDEN = List.of("javafx.scene", "javafx.stage", "javafx.application",
            "javafx.animation", "javafx.embed", "org.controlsfx", "org.kordamp");

    @Test
    void viewModelsUseNoSceneGraph() throws IOException {
        List<Path> vms = sources().filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).toList();
        assertThat(vms).as("view models found").hasSizeGreaterThanOrEqualTo(6);
        for (Path p : vms) {
            String text = Files.readString(p);
            for (String pkg : FORBIDDEN) {
                assertThat(text).as("%s must not use %s", p.getFileName(), pkg).doesNotContain(pkg + ".");
            }
        }
    }

    @Test
    void everyFeatureWithAViewHasAViewModel() throws IOException {
        List<Path> views = sources().filter(p -> p.getFileName().toString().endsWith("View.java")).toList();
        assertThat(views).isNotEmpty();
        for (Path v : views) {
            try (Stream<Path> pkg = Files.list(v.getParent())) {
                assertThat(pkg.anyMatch(p -> p.getFileName().toString().endsWith("ViewModel.java")))
                        .as("a view model next to %s", v.getFileName()).isTrue();
            }
        }
    }

    @Test
    void theEngineModuleHasNoJavaFx() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("../engine/src/main/java"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(p)).as("%s", p).doesNotContain("javafx.");
            }
        }
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(SOURCES).filter(p -> p.toString().endsWith(".java"));
    }
}
