package dev.goroscope.app.lessons;

/**
 * One built-in lesson: a Go program and the teacher's notes for it (Markdown, as written in
 * {@code resources/scenarios/NN-name/lesson.md}).
 *
 * @param id     the folder name, {@code 01-stack-overflow}
 * @param number the lesson's number, 1 to 12
 * @param title  the notes' heading without its number, {@code Stack overflow: why ...}
 * @param source {@code main.go}
 * @param notes  {@code lesson.md}
 */
public record Lesson(String id, int number, String title, String source, String notes) {

    /** The file name the program is shown and compiled under. */
    public String fileName() {
        return id + ".go";
    }

    @Override
    public String toString() {
        return String.format("%02d  %s", number, title);
    }
}
