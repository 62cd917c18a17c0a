package dev.goroscope.engine.lang.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.check.Checker;
import dev.goroscope.engine.lang.check.GoVersion;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.runtime.FuncInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The frame estimator against gc's own frame sizes ({@code TEXT main.f(SB), ABIInternal, $N-M})
 * over every program the project runs: the differential corpus, the lessons and the frame corpus
 * written for this test. Issue 3 asks that with {@code --frames estimate} a recursion overflow
 * at a depth within 10% of real Go's; depth is the stack divided by the frame plus its return
 * address, so each recursive function's {@code frame + 8} must be within 10% of gc's. Runs where
 * Go is installed (CI installs golang-go); prints the whole table.
 */
class FrameEstimateTest {

    record Row(String file, String fn, long gc, long est, boolean recursive) {
        double ratio() {
            return (est + 8.0) / (gc + 8.0);
        }
    }

    @Test
    void recursiveFramesWithinTenPercentOfGc() throws Exception {
        assumeTrue(GoToolchain.find().isPresent(), "no Go toolchain on the PATH");
        GoToolchain go = GoToolchain.find().orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (Path p : corpus()) {
            String src = Files.readString(p);
            SourceFile f;
            Info info;
            try {
                f = Parser.parse("prog.go", src);
                info = Checker.check(f, GoVersion.V1_19);
            } catch (RuntimeException e) {
                continue; // a program written to fail compilation has no frames
            }
            CompilerFacts facts;
            try {
                facts = go.compile("prog.go", src);
            } catch (Exception e) {
                continue;
            }
            for (Decl d : f.decls()) {
                if (!(d instanceof Decl.FuncDecl fd) || fd.body() == null) {
                    continue;
                }
                Func fn = (Func) info.defOf(fd.name());
                CompilerFacts.Frame real = facts.frames().get(fn.fullName());
                if (real == null || fn.name().equals("main") || fn.name().equals("init")) {
                    continue;
                }
                FuncInfo est = Frames.of(fn, info, null);
                rows.add(new Row(p.getFileName().toString(), fn.fullName(), real.frameSize(),
                        est == null ? 0 : est.frameSize(), Recursion.calls(fd, fn, info)));
            }
        }
        StringBuilder table = new StringBuilder(String.format("%-28s %-32s %6s %6s %6s%n", "file", "function", "gc",
                "est", "ratio"));
        for (Row r : rows) {
            table.append(String.format("%-28s %-32s %6d %6d %6.2f%s%n", r.file(), r.fn(), r.gc(), r.est(), r.ratio(),
                    r.recursive() ? "  recursive" : ""));
        }
        long close = rows.stream().filter(r -> r.ratio() >= 0.8 && r.ratio() <= 1.25).count();
        table.append(String.format("%d of %d functions within 25%% of gc%n", close, rows.size()));
        System.out.print(table);
        // Other functions matter less (they are not repeated thousands of times) but stay close.
        assertThat((double) close / rows.size()).as("share of all functions within 25%%").isGreaterThan(0.8);
        List<Row> recursive = rows.stream().filter(Row::recursive).toList();
        assertThat(recursive).as("recursive functions in the corpus").hasSizeGreaterThan(5);
        for (Row r : recursive) {
            assertThat(r.ratio()).as("%s in %s: estimate %d vs gc %d", r.fn(), r.file(), r.est(), r.gc())
                    .isBetween(0.9, 1.1);
        }
    }

    private static List<Path> corpus() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/diff"), Path.of("src/test/resources/lang"),
                Path.of("src/test/resources/frames"), Path.of("../resources/scenarios"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".go")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Whether a function calls itself directly. */
    static final class Recursion {
        private Recursion() {}

        static boolean calls(Decl.FuncDecl fd, Func fn, Info info) {
            boolean[] found = {false};
            dev.goroscope.engine.lang.check.Walk.nodes(fd.body(), n -> {
                if (n instanceof dev.goroscope.engine.lang.ast.Expr.Call c
                        && c.fun() instanceof dev.goroscope.engine.lang.ast.Expr.Ident id && info.objectOf(id) == fn) {
                    found[0] = true;
                }
            });
            return found[0];
        }
    }
}
