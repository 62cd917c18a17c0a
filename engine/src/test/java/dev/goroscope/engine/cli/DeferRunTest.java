package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code defer}, {@code panic} and {@code recover} end to end without the Go toolchain (the
 * estimator's frames). The expected texts were produced by go1.19.8 on the same programs; the
 * differential corpus (diff/defer_*.go, panic_*.go, recover_*.go) checks the rest against Go
 * itself where it is installed.
 */
class DeferRunTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private Result run(String... lines) throws IOException {
        Path f = dir.resolve("prog.go");
        Files.writeString(f, String.join("\n", lines) + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Run.run(new String[] {f.toString()}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deferredCallsRunLastInFirstOutWithArgumentsFromTheDeferStatement() throws IOException {
        Result r = run("package main", "", "import \"fmt\"", "",
                "func f() (r int) {",
                "\tx := 1",
                "\tdefer fmt.Println(\"arg\", x)",
                "\tdefer func() { fmt.Println(\"closure\", x); r *= 2 }()",
                "\tfor i := 0; i < 3; i++ {",
                "\t\tdefer fmt.Println(\"loop\", i)",
                "\t}",
                "\tx = 2",
                "\treturn 21",
                "}", "",
                "func main() {", "\tfmt.Println(\"result\", f())", "}");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("loop 2\nloop 1\nloop 0\nclosure 2\narg 1\nresult 42\n");
    }

    @Test
    void recoverStopsARuntimeErrorAndTheFunctionReturnsItsResults() throws IOException {
        Result r = run("package main", "", "import \"fmt\"", "",
                "func at(a []int, i int) (v int, err string) {",
                "\tdefer func() {",
                "\t\tif e := recover(); e != nil {",
                "\t\t\terr = fmt.Sprintf(\"%v (%T)\", e, e)",
                "\t\t}",
                "\t}()",
                "\tv = -1",
                "\treturn a[i], \"\"",
                "}", "",
                "func main() {",
                "\tv, err := at([]int{1, 2, 3}, 5)",
                "\tfmt.Println(v, err)",
                "\tv, err = at([]int{1, 2, 3}, 1)",
                "\tfmt.Println(v, err)",
                "}");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("-1 runtime error: index out of range [5] with length 3 (runtime.boundsError)\n2 \n");
    }

    @Test
    void aPanicInADeferredCallPrintsBothPanicsAndTheRecoveredMark() throws IOException {
        Result r = run("package main", "", "import \"fmt\"", "",
                "func main() {",
                "\tdefer fmt.Println(\"deferred calls still run\")",
                "\tdefer func() {",
                "\t\tpanic(fmt.Sprint(\"again: \", recover()))",
                "\t}()",
                "\tpanic(\"first\")",
                "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("deferred calls still run\n");
        assertThat(r.err()).startsWith("panic: first [recovered]\n\tpanic: again: first\n\ngoroutine 1 [running]:\n"
                + "main.main.func1(...)\n").contains("\npanic(...)\n").endsWith("exit status 2\n");
    }

    @Test
    void anUnrecoveredPanicInAGoroutineRunsItsDeferredCallsAndShowsThatGoroutine() throws IOException {
        Result r = run("package main", "", "import \"fmt\"", "",
                "func main() {",
                "\tdone := make(chan int)",
                "\tgo func() {",
                "\t\tdefer fmt.Println(\"deferred in the goroutine\")",
                "\t\tvar m map[int]int",
                "\t\tm[1] = 2",
                "\t}()",
                "\t<-done",
                "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("deferred in the goroutine\n");
        // go1.19: user goroutines start at 6 (four runtime goroutines and main before them).
        assertThat(r.err()).startsWith("panic: assignment to entry in nil map\n\ngoroutine 6 [running]:\n"
                + "main.main.func1(...)\n");
    }

    @Test
    void recoverOnlyWorksInTheDeferredFunctionItself() throws IOException {
        Result r = run("package main", "", "import \"fmt\"", "",
                "func helper() any { return recover() }", "",
                "func main() {",
                "\tdefer func() { fmt.Println(\"direct\", recover()) }()",
                "\tdefer func() { fmt.Println(\"helper\", helper()) }()",
                "\tdefer recover()",
                "\tpanic(42)",
                "}");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("helper <nil>\ndirect 42\n");
    }

    @Test
    void heapDeferRecordsComeFromThePoolOnceFreed() throws IOException {
        // go1.19.8: 2 mallocs (the record, 80 B, and the wrapper closure, 16 B), then 9 new
        // records for 10 defers (one came back to the pool), then only closures.
        Result r = run("package main", "", "import (", "\t\"fmt\"", "\t\"runtime\"", ")", "",
                "var sink int", "",
                "//go:noinline", "func add(i int) { sink += i }", "",
                "func loop(n int) {", "\tfor i := 0; i < n; i++ {", "\t\tdefer add(i)", "\t}", "}", "",
                "func main() {",
                "\tvar a, b runtime.MemStats",
                "\tfor _, n := range []int{1, 10, 10} {",
                "\t\truntime.ReadMemStats(&a)",
                "\t\tloop(n)",
                "\t\truntime.ReadMemStats(&b)",
                "\t\tfmt.Println(n, b.Mallocs-a.Mallocs, b.TotalAlloc-a.TotalAlloc)",
                "\t}",
                "}");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("1 2 96\n10 19 880\n10 10 160\n");
    }

    @Test
    void goexitRunsDeferredCallsAndMainCallingItEndsInCheckdeadsMessage() throws IOException {
        Result r = run("package main", "", "import (", "\t\"fmt\"", "\t\"runtime\"", ")", "",
                "func main() {",
                "\tdone := make(chan bool)",
                "\tgo func() {",
                "\t\tdefer close(done)",
                "\t\tdefer fmt.Println(\"goroutine: recover gives\", recover())",
                "\t\truntime.Goexit()",
                "\t}()",
                "\t<-done",
                "\tdefer fmt.Println(\"main deferred\")",
                "\truntime.Goexit()",
                "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("goroutine: recover gives <nil>\nmain deferred\n");
        assertThat(r.err()).isEqualTo("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"
                + "exit status 2\n");
    }

    @Test
    void seed004SpawnManyRunsItsTenThousandDeferredDoneCalls() throws IOException {
        Path seed = Path.of("src/test/resources/lang/seeds/004_spawn_many.go");
        Result r = run(Files.readString(seed).split("\n", -1));
        assertThat(r.err()).isEmpty();
        java.util.List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(10_001).endsWith("All finished");
        assertThat(lines.subList(0, 10_000)).doesNotHaveDuplicates().allMatch(l -> l.matches("Goroutine \\d+ running"));
    }

    @Test
    void anUnrecoveredPanicPrintsItsValuesStringMethodAfterTheDeferredCalls() throws IOException {
        // go1.19 prints "panic: hot 1": preprintpanics calls String once nothing recovered.
        Result r = run("package main", "",
                "import \"fmt\"", "",
                "type temp int", "",
                "func (t temp) String() string { return fmt.Sprint(\"hot \", int(t)) }", "",
                "func main() {", "\tpanic(temp(1))", "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("panic: hot 1\n\ngoroutine 1 [running]:\nmain.main(...)\n");
    }

    @Test
    void theErrorMethodSeesWhatTheDeferredCallsDid() throws IOException {
        // go1.19: "Error runs" then "panic: hot"; the deferred call ran before Error was called.
        Result r = run("package main", "",
                "type temp struct{ deg int }", "",
                "func (t *temp) Error() string {", "\tprintln(\"Error runs\")", "\tif t.deg > 30 {",
                "\t\treturn \"hot\"", "\t}", "\treturn \"cold\"", "}", "",
                "func main() {", "\tt := &temp{10}", "\tdefer func() { t.deg = 40 }()", "\tpanic(t)", "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error runs\npanic: hot\n\ngoroutine 1 [running]:\n");
    }

    @Test
    void anErrorMethodThatPanicsWhilePrintingIsFatal() throws IOException {
        // go1.19: "fatal error: panic while printing panic value: inside Error", exit status 2.
        Result r = run("package main", "",
                "type E struct{}", "",
                "func (e *E) Error() string { panic(\"inside Error\") }", "",
                "func main() {", "\tdefer println(\"d\")", "\tpanic(&E{})", "}");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("d\nfatal error: panic while printing panic value: inside Error\n\n"
                + "goroutine 1 [running]:\nmain.(*E).Error(...)\n");
    }
}
