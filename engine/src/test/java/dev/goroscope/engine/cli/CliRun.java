package dev.goroscope.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code goroscope run} in-process on a program written to {@code dir/prog.go}, for the CLI tests. */
final class CliRun {
    private CliRun() {}

    record Result(int status, String out, String err) {}

    static Result run(Path dir, String src, String... flags) throws IOException {
        return run(dir, Map.of(), src, flags);
    }

    /** The same with {@code env} as the environment (GOGC, GODEBUG, ...). */
    static Result run(Path dir, Map<String, String> env, String src, String... flags) throws IOException {
        Path f = dir.resolve("prog.go");
        Files.writeString(f, src);
        String[] args = new String[flags.length + 1];
        System.arraycopy(flags, 0, args, 0, flags.length);
        args[flags.length] = f.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Run.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
