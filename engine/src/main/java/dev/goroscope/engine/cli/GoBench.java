package dev.goroscope.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks of Go programs through the whole front end (parse, check, compile, run), each in
 * a fresh runtime, so the figure is what a user of {@code goroscope run} waits for (JIT warm-up
 * excepted: the bench runs each once before measuring).
 */
final class GoBench {
    private GoBench() {}

    static final String FIB = String.join("\n", "package main", "", "import \"fmt\"", "",
            "func fib(n int) int {", "\tif n < 2 {", "\t\treturn n", "\t}", "\treturn fib(n-1) + fib(n-2)", "}", "",
            "func main() {", "\tfmt.Println(fib(32))", "}", "");

    /** 10,000 goroutines pass 1,000,000 messages around a ring of unbuffered channels. */
    static final String RING = String.join("\n", "package main", "", "import \"fmt\"", "",
            "func relay(in chan int, out chan int, n int) {", "\tfor i := 0; i < n; i++ {", "\t\tout <- <-in + 1", "\t}", "}",
            "", "func main() {", "\tconst g = 10000", "\tconst rounds = 100", "\tfirst := make(chan int)",
            "\tin := first", "\tfor k := 0; k < g-1; k++ {", "\t\tout := make(chan int)", "\t\tgo relay(in, out, rounds)",
            "\t\tin = out", "\t}", "\ttotal := 0", "\tfor r := 0; r < rounds; r++ {", "\t\tfirst <- 0",
            "\t\ttotal += <-in", "\t}", "\tfmt.Println(total)", "}", "");

    static List<Bench.Case> cases() {
        return List.of(
                new Bench.Case("goroscope run: fib(32)", "< 2 s", 2000, () -> run(FIB, "2178309\n")),
                new Bench.Case("goroscope run: 10,000 goroutines, 1,000,000 channel messages", "< 5 s", 5000,
                        () -> run(RING, "999900\n")));
    }

    static long run(String src, String expected) {
        try {
            Path dir = Files.createTempDirectory("gobench");
            Path f = dir.resolve("prog.go");
            Files.writeString(f, src);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int status = Run.run(new String[] {f.toString()}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            long t = System.nanoTime() - t0;
            String got = out.toString(StandardCharsets.UTF_8);
            if (status != 0 || !got.equals(expected)) {
                throw new IllegalStateException("benchmark program failed: " + status + " " + got + err);
            }
            Files.delete(f);
            Files.delete(dir);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
