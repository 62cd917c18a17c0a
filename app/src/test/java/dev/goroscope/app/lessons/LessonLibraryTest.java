package dev.goroscope.app.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The built-in library: every lesson of USERS.md, found by number, words of its title, or its notes. */
class LessonLibraryTest {
    private final LessonLibrary lib = LessonLibrary.builtIn();

    @Test
    void twelveLessonsInOrderEachWithProgramAndNotes() {
        assertThat(lib.all()).hasSize(12);
        for (int k = 0; k < 12; k++) {
            Lesson l = lib.all().get(k);
            assertThat(l.number()).isEqualTo(k + 1);
            assertThat(l.source()).startsWith("//").contains("package main");
            assertThat(l.notes()).isNotBlank();
            assertThat(l.title()).isNotBlank();
        }
    }

    @Test
    void searchMatchesEveryWordCaseInsensitively() {
        assertThat(lib.search("OVERFLOW")).extracting(Lesson::id).contains("01-stack-overflow");
        assertThat(lib.search("shrink stack")).extracting(Lesson::id).contains("05-stack-shrink");
        // A word in the title ranks the lesson before those that only mention it in their notes.
        assertThat(lib.search("shrink").get(0).id()).isEqualTo("05-stack-shrink");
        assertThat(lib.search("no such lesson anywhere")).isEmpty();
        assertThat(lib.search("")).hasSize(12);
    }
}
