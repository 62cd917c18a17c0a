package dev.goroscope.engine.lang.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Checker;
import dev.goroscope.engine.lang.check.GoVersion;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Where each defer statement keeps its state (open-coded, a record in the frame, a heap record)
 * must be what gc 1.19 decides: {@code go build -gcflags=-d=defer} reports it for every defer of
 * the differential corpus, and {@link DeferOps#plan} must say the same. Runs where Go is installed.
 */
class DeferKindsTest {
    private static final Pattern LINE = Pattern.compile("^\\./main\\.go:(\\d+):(\\d+): (open-coded|stack-allocated|heap-allocated) defer$");

    @TestFactory
    Stream<DynamicTest> deferKindsMatchGc() throws IOException {
        assumeTrue(GoToolchain.find().isPresent(), "no Go toolchain on the PATH");
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/diff"))) {
            return s.filter(p -> p.toString().endsWith(".go")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> compare(p)));
        }
    }

    private void compare(Path file) throws Exception {
        String src = Files.readString(file);
        SourceFile f = Parser.parse("main.go", src);
        Info info = Checker.check(f, GoVersion.V1_19);
        Map<String, String> ours = new TreeMap<>();
        for (Decl d : f.decls()) {
            if (d instanceof Decl.FuncDecl fd && fd.body() != null) {
                walk(fd.body(), DeferOps.plan(fd.body(), info), info, ours);
            }
        }
        assertThat(ours).as("defer kinds in " + file.getFileName()).isEqualTo(gc(file));
    }

    /** Records the kind of every defer in a function body, and recurses into its function literals. */
    private static void walk(Object n, DeferOps.Plan plan, Info info, Map<String, String> out) throws Exception {
        if (n instanceof Expr.FuncLit fl) {
            walk(fl.body(), DeferOps.plan(fl.body(), info), info, out);
            return;
        }
        if (n instanceof Stmt.Defer d) {
            String kind = plan.openCoded ? "open-coded" : plan.inLoop.contains(d) ? "heap-allocated" : "stack-allocated";
            out.put(d.pos().line() + ":" + d.pos().col(), kind);
        }
        RecordComponent[] rc = n.getClass().getRecordComponents();
        if (rc == null) {
            return;
        }
        for (RecordComponent c : rc) {
            Object v = c.getAccessor().invoke(n);
            if (v instanceof Node) {
                walk(v, plan, info, out);
            } else if (v instanceof java.util.List<?> l) {
                for (Object o : l) {
                    if (o instanceof Node) {
                        walk(o, plan, info, out);
                    }
                }
            }
        }
    }

    /** gc's report: position to kind. */
    private static Map<String, String> gc(Path file) throws Exception {
        Path dir = Files.createTempDirectory("deferkinds");
        Files.writeString(dir.resolve("go.mod"), "module x\n\ngo 1.19\n");
        Files.copy(file, dir.resolve("main.go"));
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-gcflags=-d=defer", "-o", "/dev/null", ".")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().put("GOPROXY", "off");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        Map<String, String> out = new TreeMap<>();
        for (String line : output.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (m.matches()) {
                out.put(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        return out;
    }
}
