package dev.goroscope.engine.lang.gotool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The installed Go toolchain, used for exact frame sizes ({@code --frames=go}). The program is
 * built in a temporary module with {@code -gcflags='-S -m'}, offline and without cgo
 * ({@code GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 GOPROXY=off}); what gc printed is
 * parsed into {@link CompilerFacts} and cached by a hash of the toolchain version and source.
 */
public final class GoToolchain {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path go;
    private final String version;
    private final Path cacheDir;

    private GoToolchain(Path go, String version, Path cacheDir) {
        this.go = go;
        this.version = version;
        this.cacheDir = cacheDir;
    }

    /** The {@code go} on the PATH, or empty when there is none (exact mode is then unavailable). */
    public static Optional<GoToolchain> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "go");
            if (Files.isExecutable(candidate)) {
                try {
                    Result r = run(candidate, List.of("version"), Path.of("."));
                    String[] words = r.output.trim().split("\\s+");
                    if (r.exit == 0 && words.length >= 3) {
                        return Optional.of(new GoToolchain(candidate, words[2], defaultCache()));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("goroscope").resolve("frames");
    }

    /** e.g. {@code go1.19.8}. */
    public String version() {
        return version;
    }

    /**
     * Builds the program and returns gc's decisions.
     *
     * @throws GoBuildException when gc rejects the program (its messages are kept)
     */
    public CompilerFacts compile(String fileName, String source) throws IOException, GoBuildException {
        String key = hash(version + "\0" + fileName + "\0" + source);
        Path cached = cacheDir.resolve(key + ".txt");
        if (Files.isRegularFile(cached)) {
            return GcOutput.parse(version, fileName, Files.readString(cached));
        }
        Path dir = Files.createTempDirectory("goroscope-build");
        try {
            Files.writeString(dir.resolve("go.mod"), "module goroscope.sim\n\ngo 1.19\n");
            Files.writeString(dir.resolve(fileName), source);
            Result r = run(go, List.of("build", "-gcflags=-S -m", "-o", dir.resolve("prog").toString(), "."), dir);
            if (r.exit != 0) {
                throw new GoBuildException(r.output);
            }
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, key, ".tmp");
            Files.writeString(tmp, r.output);
            Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return GcOutput.parse(version, fileName, r.output);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Builds the program into an executable {@code prog} in {@code dir} (for comparing Goroscope's
     * speed with native Go's, {@code goroscope bench}).
     *
     * @throws GoBuildException when gc rejects the program
     */
    public Path build(String fileName, String source, Path dir) throws IOException, GoBuildException {
        Files.writeString(dir.resolve("go.mod"), "module goroscope.sim\n\ngo 1.19\n");
        Files.writeString(dir.resolve(fileName), source);
        Path exe = dir.resolve("prog");
        Result r = run(go, List.of("build", "-o", exe.toString(), "."), dir);
        if (r.exit != 0) {
            throw new GoBuildException(r.output);
        }
        return exe;
    }

    private record Result(int exit, String output) {}

    private static Result run(Path go, List<String> args, Path dir) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(go.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GOTOOLCHAIN", "local");
        env.put("GOFLAGS", "-mod=mod");
        env.put("CGO_ENABLED", "0");
        env.put("GOPROXY", "off");
        env.putIfAbsent("GOCACHE", Path.of(System.getProperty("java.io.tmpdir"), "goroscope-gocache").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("go " + args.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String hash(String s) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
