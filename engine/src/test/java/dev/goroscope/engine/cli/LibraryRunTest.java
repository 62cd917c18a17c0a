package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library pieces run end to end without the Go toolchain: what the differential corpus cannot
 * cover (the Go 1.23 profile, estimator-mode allocation choices). Expected outputs were taken
 * from the real toolchain where one applies.
 */
class LibraryRunTest {
    @TempDir
    Path dir;

    private CliRun.Result run(String src, String... flags) throws IOException {
        return CliRun.run(dir, src, flags);
    }

    private static final String RANGE_INT = """
            package main

            import "fmt"

            func main() {
            	sum := 0
            	for i := range 10 {
            		sum += i
            	}
            	var n uint8 = 3
            	for j := range n {
            		fmt.Print(j, " ")
            	}
            	for range 2 {
            		fmt.Print("x")
            	}
            	var k int64
            	for k = range int64(4) {
            	}
            	fmt.Println(sum, k)
            }
            """;

    @Test
    void rangeOverAnIntegerRunsUnderGo123() throws IOException {
        CliRun.Result r = run(RANGE_INT, "--go", "1.23");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("0 1 2 xx45 3\n");
    }

    @Test
    void rangeOverAnIntegerIsGc119sErrorUnderGo119() throws IOException {
        CliRun.Result r = run(RANGE_INT);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("# command-line-arguments\n./prog.go:7:17: cannot range over 10 (untyped int constant)\n");
    }

    @Test
    void runtimeAndDebugSettings() throws IOException {
        CliRun.Result r = run("""
                package main

                import (
                	"fmt"
                	"runtime"
                	"runtime/debug"
                )

                func main() {
                	fmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0))
                	fmt.Println(debug.SetMemoryLimit(-1))
                	fmt.Println(debug.SetMemoryLimit(1 << 30))
                	fmt.Println(debug.SetMemoryLimit(-1))
                	debug.FreeOSMemory()
                }
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("2 2\n9223372036854775807\n9223372036854775807\n1073741824\n");
    }

    @Test
    void stackOfEveryGoroutineShowsParkedOnesAndTheirCreator() throws IOException {
        CliRun.Result r = run("""
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func wait(started chan bool, ch chan int) {
                	started <- true
                	<-ch
                }

                func main() {
                	ch := make(chan int)
                	started := make(chan bool)
                	go wait(started, ch)
                	<-started
                	runtime.Gosched()
                	buf := make([]byte, 2048)
                	n := runtime.Stack(buf, true)
                	fmt.Print(string(buf[:n]))
                }
                """);
        assertThat(r.err()).isEmpty();
        String file = dir.resolve("prog.go").toAbsolutePath().normalize().toString();
        assertThat(r.out()).startsWith("goroutine 1 [running]:\nmain.main()\n\t" + file + ":20 +0x");
        assertThat(r.out()).containsPattern("\n\ngoroutine 6 \\[chan receive\\]:\nmain\\.wait\\(\\.\\.\\.\\)\n\t"
                + java.util.regex.Pattern.quote(file) + ":10 \\+0x[0-9a-f]+\ncreated by main\\.main\n\t"
                + java.util.regex.Pattern.quote(file) + ":16 \\+0x[0-9a-f]+\n$");
    }

    @Test
    void stackNamesCallLinesClosuresAndTheCreatorsGoroutineUnder123() throws IOException {
        CliRun.Result r = run("""
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func show(a, b int, done chan bool) {
                	buf := make([]byte, 2048)
                	n := runtime.Stack(buf, false)
                	fmt.Print(string(buf[:n]))
                	done <- true
                }

                func main() {
                	done := make(chan bool)
                	x := 1
                	go func() {
                		show(
                			x,
                			2, done)
                	}()
                	<-done
                }
                """, "--go", "1.23");
        assertThat(r.err()).isEmpty();
        String file = java.util.regex.Pattern.quote(dir.resolve("prog.go").toAbsolutePath().normalize().toString());
        // The closure has no parameters of its own (x arrives as a capture): "()", as gc prints.
        // A call spanning lines is placed at its opening parenthesis, a go statement at its go.
        assertThat(r.out()).matches("goroutine \\d+ \\[running\\]:\n"
                + "main\\.show\\(\\.\\.\\.\\)\n\t" + file + ":10 \\+0x[0-9a-f]+\n"
                + "main\\.main\\.func1\\(\\)\n\t" + file + ":19 \\+0x[0-9a-f]+\n"
                + "created by main\\.main in goroutine 1\n\t" + file + ":18 \\+0x[0-9a-f]+\n");
    }
}
