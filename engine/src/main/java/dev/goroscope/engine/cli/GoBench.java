package dev.goroscope.engine.cli;

import dev.goroscope.engine.lang.gotool.GoBuildException;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    /** Recursion with a used 1 KiB local until the stack passes the default 1 GB limit. */
    static final String DEEP = String.join("\n", "package main", "", "func deep(n int) int {", "\tvar buf [1024]byte",
            "\tbuf[n%len(buf)] = byte(n)", "\treturn deep(n+1) + int(buf[(n+7)%len(buf)])", "}", "",
            "func main() {", "\tprintln(deep(0))", "}", "");

    static List<Bench.Case> cases() {
        return List.of(
                new Bench.Case("goroscope run: fib(32)", "< 2 s", 2000, () -> run(FIB, "2178309\n")),
                new Bench.Case("goroscope run: 10,000 goroutines, 1,000,000 channel messages", "< 5 s", 5000,
                        () -> run(RING, "999900\n")));
    }

    /**
     * The comparison with native Go, in one run: {@link #DEEP} to the overflow under
     * {@code goroscope run} against the same program built by the installed Go toolchain, and the
     * JVM heap it needed at most. Prints rows in the bench's table; without Go, says so.
     */
    static void versusNative(PrintStream out) {
        long[] t = new long[3];
        long peak = 0;
        overflow(); // warm-up
        for (int i = 0; i < t.length; i++) {
            System.gc();
            resetPeaks();
            t[i] = overflow();
            peak = Math.max(peak, heapPeak());
        }
        Arrays.sort(t);
        double ms = t[1] / 1e6;
        out.printf("%-64s %-9s %12s  %s%n", "goroscope run: 1 KiB locals to the 1 GB stack overflow", "", Bench.fmt(ms), "");
        out.printf("%-64s %-9s %12s  %s%n", "  JVM heap used at most (sum of the pools' peaks)", "< 1 GiB",
                (peak >> 20) + " MiB", peak < 1L << 30 ? "ok" : "OVER");
        Optional<GoToolchain> go = GoToolchain.find();
        if (go.isEmpty()) {
            out.printf("%-64s%n", "  native: no go on the PATH, comparison skipped");
            return;
        }
        try {
            Path dir = Files.createTempDirectory("gobench-native");
            Path exe = go.get().build("prog.go", DEEP, dir);
            long[] n = new long[3];
            nativeRun(exe); // warm-up: page cache, the binary's first start
            for (int i = 0; i < n.length; i++) {
                n[i] = nativeRun(exe);
            }
            Arrays.sort(n);
            double nms = n[1] / 1e6;
            out.printf("%-64s %-9s %12s  %s%n", "  native " + go.get().version() + " binary, same program", "", Bench.fmt(nms), "");
            out.printf("%-64s %-9s %12s  %s%n", "  goroscope / native", "< 10x", String.format("%.1fx", ms / nms),
                    ms < 10 * nms ? "ok" : "SLOW");
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | GoBuildException e) {
            out.printf("%-64s%n", "  native: could not build or run (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** One {@code goroscope run} of {@link #DEEP}: it must end in Go's stack overflow. */
    private static long overflow() {
        try {
            Path dir = Files.createTempDirectory("gobench");
            Path f = dir.resolve("prog.go");
            Files.writeString(f, DEEP);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int status = Run.run(new String[] {f.toString()}, Map.of(), new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            long t = System.nanoTime() - t0;
            String e = err.toString(StandardCharsets.UTF_8);
            if (status != 2 || !e.contains("goroutine stack exceeds 1000000000-byte limit")) {
                throw new IllegalStateException("benchmark program did not overflow: " + status + " " + e);
            }
            Files.delete(f);
            Files.delete(dir);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long nativeRun(Path exe) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(exe.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            int status = p.waitFor();
            if (status != 2) {
                throw new IOException("native run ended with status " + status + ", not the overflow's 2");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return System.nanoTime() - t0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                m.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP) {
                sum += m.getPeakUsage().getUsed();
            }
        }
        return sum;
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
