package dev.goroscope.app.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsaved edits survive a restart, one per file or lesson, and go away on an explicit save. */
class AutosaveStoreTest {
    @TempDir
    Path tmp;

    private static final String PROG = "package main\n\nfunc main() {\n\tprintln(\"héllo, 世界\")\r\n}\n";

    @Test
    void aDraftIsRestoredByANewStoreOnTheSameDirectory() throws IOException {
        Path dir = tmp.resolve("a/b/autosave");
        new AutosaveStore(dir).save(AutosaveStore.lessonKey("01-stack-overflow"), PROG);
        AutosaveStore reopened = new AutosaveStore(dir);
        var d = reopened.restore(AutosaveStore.lessonKey("01-stack-overflow")).orElseThrow();
        assertThat(d.text()).isEqualTo(PROG);
        assertThat(d.key()).isEqualTo("lesson:01-stack-overflow");
        assertThat(reopened.restore(AutosaveStore.lessonKey("02-buffer-dropped"))).isEmpty();
    }

    @Test
    void eachFileAndLessonHasItsOwnDraft() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        String a = AutosaveStore.fileKey(tmp.resolve("x/../prog.go"));
        String b = AutosaveStore.fileKey(tmp.resolve("other dir/prog.go"));
        String c = AutosaveStore.lessonKey("05-stack-shrink");
        s.save(a, "A");
        s.save(b, "B");
        s.save(c, "");
        assertThat(s.restore(AutosaveStore.fileKey(tmp.resolve("prog.go"))).orElseThrow().text())
                .as("the same file by another path").isEqualTo("A");
        assertThat(s.restore(b).orElseThrow().text()).isEqualTo("B");
        assertThat(s.restore(c).orElseThrow().text()).as("an emptied program is an edit too").isEmpty();
        assertThat(s.drafts()).extracting(AutosaveStore.Draft::key).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void anExplicitSaveClearsTheDraft() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        String k = AutosaveStore.lessonKey("09-lost-object");
        s.save(k, "edited");
        s.clear(k);
        assertThat(s.restore(k)).isEmpty();
        assertThat(new AutosaveStore(tmp).restore(k)).isEmpty();
        s.clear(k); // clearing twice is harmless
    }

    @Test
    void recordingTheSavedTextAgainDropsTheDraft() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        String k = AutosaveStore.lessonKey("03-stackinuse");
        assertThat(s.record(k, PROG + "// more\n", PROG)).isTrue();
        assertThat(s.restore(k, PROG)).map(AutosaveStore.Draft::text).contains(PROG + "// more\n");
        assertThat(s.record(k, PROG, PROG)).isFalse();
        assertThat(s.restore(k)).isEmpty();
        s.save(k, PROG);
        assertThat(s.restore(k, PROG)).as("a draft equal to the file offers nothing").isEmpty();
        assertThat(s.restore(k)).isEmpty();
    }

    @Test
    void aNewDraftReplacesTheOldWholeAndLeavesNoTemporaryFiles() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        String k = AutosaveStore.lessonKey("06-max-stack");
        s.save(k, "x".repeat(100_000));
        s.save(k, "short");
        assertThat(s.restore(k).orElseThrow().text()).isEqualTo("short");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(1)
                    .allMatch(n -> n.endsWith(".draft") && !n.startsWith(".tmp-"));
        }
    }

    @Test
    void aWriteCutOffByACrashLeavesTheLastGoodDraft() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        String k = AutosaveStore.lessonKey("10-gogc-memlimit");
        s.save(k, "good");
        // What a crash between writing and renaming leaves behind: a half-written temporary file.
        Files.writeString(tmp.resolve(".tmp-123.draft"), k + "\nhalf of a new dr");
        AutosaveStore after = new AutosaveStore(tmp);
        assertThat(after.restore(k).orElseThrow().text()).isEqualTo("good");
        assertThat(after.drafts()).extracting(AutosaveStore.Draft::text).containsExactly("good");
    }

    @Test
    void draftsAreListedNewestFirst() throws IOException {
        AutosaveStore s = new AutosaveStore(tmp);
        s.save("lesson:old", "1");
        s.save("lesson:new", "2");
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                boolean old = Files.readString(p).startsWith("lesson:old");
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse(old ? "2024-01-01T00:00:00Z"
                        : "2025-01-01T00:00:00Z")));
            }
        }
        assertThat(s.drafts()).extracting(AutosaveStore.Draft::key).containsExactly("lesson:new", "lesson:old");
        assertThat(new AutosaveStore(tmp.resolve("nothing-yet")).drafts()).isEmpty();
    }

    @Test
    void keysAreOneLine() {
        AutosaveStore s = new AutosaveStore(tmp);
        for (String bad : List.of("", "a\nb", "a\rb")) {
            assertThatThrownBy(() -> s.save(bad, "t")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theDefaultDirectoryIsUnderTheHomeDirectory() {
        assertThat(AutosaveStore.defaultDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".goroscope", "autosave"));
        assertThat(new AutosaveStore().directory()).isEqualTo(AutosaveStore.defaultDirectory());
    }
}
