package dev.goroscope.app.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lessons of {@code USERS.md}, carried inside the app: the build copies
 * {@code resources/scenarios/} into the module, and {@code lessons.txt} lists the folders in order
 * (a module cannot list its own resource folders).
 */
public final class LessonLibrary {
    private static final String ROOT = "/dev/goroscope/app/lessons/scenarios/";
    private final List<Lesson> lessons;

    private LessonLibrary(List<Lesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    /** The built-in library. */
    public static LessonLibrary builtIn() {
        List<Lesson> out = new ArrayList<>();
        for (String id : read(ROOT + "lessons.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String notes = read(ROOT + id + "/lesson.md");
            String heading = notes.lines().findFirst().orElse(id).replaceFirst("^#\\s*", "");
            int number = Integer.parseInt(id.substring(0, 2));
            String title = heading.replaceFirst("^\\d+\\.\\s*", "");
            out.add(new Lesson(id, number, title, read(ROOT + id + "/main.go"), notes));
        }
        return new LessonLibrary(out);
    }

    public List<Lesson> all() {
        return lessons;
    }

    public Optional<Lesson> byId(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * Lessons whose number, title or notes contain every word of {@code query}, case-insensitively;
     * those whose title has every word come first, then in lesson order.
     */
    public List<Lesson> search(String query) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return lessons.stream().filter(l -> containsAll(l.number() + " " + l.title() + " " + l.notes(), words))
                .sorted(java.util.Comparator.comparing((Lesson l) -> !containsAll(l.number() + " " + l.title(), words)))
                .toList();
    }

    private static boolean containsAll(String text, String[] words) {
        String hay = text.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static String read(String resource) {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lesson resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
