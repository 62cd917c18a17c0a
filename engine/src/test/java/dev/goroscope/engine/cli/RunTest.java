package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code goroscope run} end to end, without the Go toolchain (the estimator's frames). */
class RunTest {
    @TempDir
    Path dir;

    private CliRun.Result run(String src, String... flags) throws IOException {
        return CliRun.run(dir, src, flags);
    }

    @Test
    void runsAProgramAndPrintsLikeGo() throws IOException {
        CliRun.Result r = run("package main\n\nimport \"fmt\"\n\nfunc sq(x int) int {\n\treturn x * x\n}\n\n"
                + "func main() {\n\tsum := 0\n\tfor i := 1; i <= 10; i++ {\n\t\tsum += sq(i)\n\t}\n"
                + "\tfmt.Printf(\"sum=%d %v\\n\", sum, 1.5)\n}\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("sum=385 1.5\n");
    }

    @Test
    void syntaxErrorsArePrintedLikeGoRunAndNothingRuns() throws IOException {
        CliRun.Result r = run("package main\n\nfunc main() {\n\tx := (1 + \n}\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("# command-line-arguments\n./prog.go:5:1: syntax error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void typeErrorsUseGcsWording() throws IOException {
        CliRun.Result r = run("package main\n\nfunc main() {\n\tx := 1\n}\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("# command-line-arguments\n./prog.go:4:2: x declared but not used\n");
        CliRun.Result r23 = run("package main\n\nfunc main() {\n\tx := 1\n}\n", "--go", "1.23");
        assertThat(r23.err()).contains("./prog.go:4:2: declared and not used: x");
    }

    @Test
    void unsupportedConstructsAreNamedNotSkipped() throws IOException {
        CliRun.Result r = run("package main\n\nfunc main() {\n\tgoto L\nL:\n}\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).matches("(?s)# command-line-arguments\\n\\./prog\\.go:4:\\d+: unsupported: .*\\n");
    }

    @Test
    void aRuntimePanicExitsTwoWithGosWords() throws IOException {
        CliRun.Result r = run("package main\n\nfunc main() {\n\tvar a [2]int\n\ti := 3\n\ta[i%4] = 1\n}\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("panic: runtime error: index out of range [3] with length 2\n\ngoroutine 1 [running]:\n")
                .endsWith("exit status 2\n");
    }

    @Test
    void stackOverflowUnderSetMaxStackAndGctrace() throws IOException {
        CliRun.Result r = run(String.join("\n", "package main", "", "import \"runtime/debug\"", "", "var sink int", "",
                "func f(n int) {", "\tvar b [64]int", "\tb[n%64] = n", "\tsink += b[(n*5)%64]", "\tf(n + 1)", "}", "",
                "func main() {", "\tdebug.SetMaxStack(1 << 20)", "\tf(0)", "}", ""));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("runtime: goroutine stack exceeds 1048576-byte limit\n")
                .contains("fatal error: stack overflow");
    }

    @Test
    void goroutinesAndChannelsRunAndDeadlockLikeGo() throws IOException {
        CliRun.Result r = run(String.join("\n", "package main", "", "import \"fmt\"", "",
                "func produce(n int, out chan int) {", "\tfor i := 0; i < n; i++ {", "\t\tout <- i", "\t}",
                "\tclose(out)", "}", "", "func main() {", "\tch := make(chan int)", "\tgo produce(5, ch)",
                "\tsum := 0", "\tfor {", "\t\tv, ok := <-ch", "\t\tif !ok {", "\t\t\tbreak", "\t\t}",
                "\t\tsum += v", "\t}", "\tfmt.Println(sum)", "\t<-ch", "\tvar never chan int", "\tnever <- 1", "}", ""));
        assertThat(r.out()).isEqualTo("10\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:");
    }

    @Test
    void waitGroupsAndMutexesThroughPointers() throws IOException {
        CliRun.Result r = run(String.join("\n", "package main", "", "import (", "\t\"fmt\"", "\t\"sync\"", ")", "",
                "var total int", "",
                "func add(n int, mu *sync.Mutex, wg *sync.WaitGroup) {", "\tfor i := 0; i < n; i++ {", "\t\tmu.Lock()",
                "\t\ttotal++", "\t\tmu.Unlock()", "\t}", "\twg.Done()", "}", "",
                "func main() {", "\tvar wg sync.WaitGroup", "\tvar mu sync.Mutex", "\tfor k := 0; k < 8; k++ {",
                "\t\twg.Add(1)", "\t\tgo add(1000, &mu, &wg)", "\t}", "\twg.Wait()", "\tfmt.Println(total)",
                "\twg.Done()", "}", ""));
        assertThat(r.out()).isEqualTo("8000\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("panic: sync: negative WaitGroup counter\n");
    }

    @Test
    void everyEntryOfAGrowingMapSurvivesCollection() throws IOException {
        // Each entry whose insertion grows the buckets must still be stored into the new bucket
        // array, or the collector frees it while the map holds it.
        CliRun.Result r = run(String.join("\n", "package main", "", "import (", "\t\"fmt\"", "\t\"runtime\"", ")", "",
                "type node struct{ id int }", "",
                "func main() {", "\tm := make(map[int]*node)", "\tfor i := 0; i < 5000; i++ {",
                "\t\tm[i] = &node{id: i}", "\t\tif i%1000 == 0 {", "\t\t\truntime.GC()", "\t\t}", "\t}",
                "\truntime.GC()", "\truntime.GC()", "\tsum := 0", "\tfor k, n := range m {", "\t\tsum += k - n.id + 1",
                "\t}", "\tfmt.Println(sum)", "}", ""));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("5000\n");
    }

    @Test
    void missingFileIsReportedLikeGo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int s = Run.run(new String[] {dir.resolve("nope.go").toString()}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(s).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or directory");
    }

    @Test
    void environmentAndFlagsAreHonoured() {
        RunOptions o = RunOptions.parse(new String[] {"--go", "1.23", "--seed", "7", "--barrier=none", "p.go"},
                Map.of("GOGC", "off", "GOMEMLIMIT", "64MiB", "GODEBUG", "gctrace=1,gcshrinkstackoff=1", "GOMAXPROCS", "4"));
        assertThat(o.settings().gogc()).isEqualTo(-1);
        assertThat(o.settings().memoryLimit()).isEqualTo(64L << 20);
        assertThat(o.settings().gctrace()).isTrue();
        assertThat(o.settings().gcShrinkStackOff()).isTrue();
        assertThat(o.settings().gomaxprocs()).isEqualTo(4);
        assertThat(o.settings().seed()).isEqualTo(7);
        assertThat(o.settings().barrier().name()).isEqualTo("NONE");
    }

    @Test
    void gctracePrintsOneRealFormatLinePerCycleOnStderr() throws IOException {
        // Issue 3: GODEBUG=gctrace=1 prints the runtime's line for each cycle (facts §5), on
        // stderr, with "(forced)" for runtime.GC(); stdout keeps only the program's output.
        CliRun.Result r = CliRun.run(dir, Map.of("GODEBUG", "gctrace=1"), String.join("\n", "package main", "",
                "import (", "\t\"fmt\"", "\t\"runtime\"", ")", "", "func main() {",
                "\tfor i := 0; i < 3; i++ {", "\t\truntime.GC()", "\t}", "\tfmt.Println(\"done\")", "}", ""));
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("done\n");
        assertThat(r.err().lines().toList()).hasSize(3).allMatch(l -> l.matches(
                "gc \\d+ @\\d+\\.\\d{3}s \\d+%: .* ms clock, .* ms cpu, \\d+->\\d+->\\d+ MB, \\d+ MB goal, "
                        + "\\d+ MB stacks, \\d+ MB globals, \\d+ P \\(forced\\)"));
        assertThat(r.err()).startsWith("gc 1 @").contains("\ngc 3 @");
        assertThat(run("package main\n\nimport \"runtime\"\n\nfunc main() {\n\truntime.GC()\n}\n").err()).isEmpty();
    }

    @Test
    void tooManyGoroutinesEndInTheRuntimesOutOfMemoryErrorNotTheJvms() throws IOException {
        // Issue 3: simulated memory is bounded by the machine size. 10 million goroutines need
        // about 27 GB; here a 128 MiB machine runs out after some 50,000 stacks.
        CliRun.Result r = run("""
                package main

                import "time"

                func main() {
                	for i := 0; i < 10000000; i++ {
                		go func() { time.Sleep(time.Hour) }()
                	}
                	println("unreachable")
                }
                """, "--machine-memory", "128MiB");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("runtime: out of memory: cannot allocate ").contains("fatal error: out of memory");
        assertThat(r.err()).doesNotContain("unreachable");
    }
}
