package dev.goroscope.app.edits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Unsaved edits of a program's text, kept on disk so that nothing typed is lost when the app
 * closes or crashes: one draft per file or lesson, written whole to a temporary file and then
 * renamed over the old draft (so a draft is always either the previous or the new text, never
 * half of one), offered again when the same file or lesson is reopened, and removed when the
 * user saves explicitly (or the text is back to what was saved).
 *
 * <p>A draft file holds its key on the first line and the text after it; its name is a hash of
 * the key, so any path or lesson id can be a key. No JavaFX: the editor's view model calls it,
 * from whatever thread it likes (calls are serialised).
 */
public final class AutosaveStore {
    private static final String SUFFIX = ".draft";
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path dir;

    /** A draft as it was found on disk. */
    public record Draft(String key, String text, Instant savedAt) {}

    /** A store in {@code dir} (created when the first draft is written). */
    public AutosaveStore(Path dir) {
        this.dir = Objects.requireNonNull(dir);
    }

    /** The store in {@link #defaultDirectory()}. */
    public AutosaveStore() {
        this(defaultDirectory());
    }

    /** {@code ~/.goroscope/autosave}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".goroscope", "autosave");
    }

    /** The key of a program file: its absolute, normalised path. */
    public static String fileKey(Path file) {
        return "file:" + file.toAbsolutePath().normalize();
    }

    /** The key of a built-in lesson, by its id (such as {@code 01-stack-overflow}). */
    public static String lessonKey(String lessonId) {
        return "lesson:" + lessonId;
    }

    public Path directory() {
        return dir;
    }

    /** Keeps {@code text} as the unsaved edit of {@code key}, replacing any earlier one, atomically. */
    public synchronized void save(String key, String text) throws IOException {
        checkKey(key);
        Files.createDirectories(dir);
        Path target = pathOf(key);
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX, SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = StandardCharsets.UTF_8.encode(key + "\n" + text);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Records the editor's text for {@code key} against what is saved: a draft when they differ, no
     * draft when the text is back to the saved one. Returns whether a draft is now kept.
     */
    public synchronized boolean record(String key, String text, String saved) throws IOException {
        if (text.equals(saved)) {
            clear(key);
            return false;
        }
        save(key, text);
        return true;
    }

    /** The unsaved edit of {@code key}, if one was kept. */
    public synchronized Optional<Draft> restore(String key) throws IOException {
        checkKey(key);
        return read(pathOf(key)).filter(d -> d.key().equals(key));
    }

    /**
     * The unsaved edit of {@code key} when it differs from {@code saved} (what reopening the file
     * or lesson shows); a draft equal to the saved text is dropped.
     */
    public synchronized Optional<Draft> restore(String key, String saved) throws IOException {
        Optional<Draft> d = restore(key);
        if (d.isPresent() && d.get().text().equals(saved)) {
            clear(key);
            return Optional.empty();
        }
        return d;
    }

    /** Forgets the unsaved edit of {@code key}: call after an explicit save. */
    public synchronized void clear(String key) throws IOException {
        checkKey(key);
        Files.deleteIfExists(pathOf(key));
    }

    /** Every kept draft, newest first (for a "recover unsaved edits" list). */
    public synchronized List<Draft> drafts() throws IOException {
        List<Draft> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    read(p).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(Draft::savedAt).reversed().thenComparing(Draft::key));
        return out;
    }

    private Optional<Draft> read(Path p) throws IOException {
        String all;
        Instant at;
        try {
            all = Files.readString(p, StandardCharsets.UTF_8);
            at = Files.getLastModifiedTime(p).toInstant();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int nl = all.indexOf('\n');
        if (nl < 0) {
            return Optional.empty();
        }
        return Optional.of(new Draft(all.substring(0, nl), all.substring(nl + 1), at));
    }

    private Path pathOf(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h, 0, 16) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a draft key is one non-empty line, not \"" + key + "\"");
        }
    }
}
