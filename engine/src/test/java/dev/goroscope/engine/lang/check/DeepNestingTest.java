package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.GoSyntaxError;
import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.SourceFile;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deeply nested programs end in an Info or a GoCompileError, even on a small thread stack. */
class DeepNestingTest {

    private static String outcome(String src) throws InterruptedException {
        AtomicReference<String> out = new AtomicReference<>("nothing");
        Thread t = new Thread(null, () -> {
            try {
                SourceFile f = Parser.parse("prog.go", src);
                Checker.check(f, GoVersion.V1_23);
                out.set("ok");
            } catch (GoSyntaxError | GoCompileError e) {
                out.set(e.getMessage());
            } catch (Throwable e) {
                out.set("escaped: " + e);
            }
        }, "deep", 512 * 1024);
        t.start();
        t.join();
        return out.get();
    }

    @Test
    void nestedParenthesesAndUnaryOperators() throws InterruptedException {
        for (int n : new int[] {100, 450, 700, 990}) {
            String e = "(".repeat(n) + "1" + ")".repeat(n);
            String r = outcome("package main\nvar x = " + e + "\nfunc main() { _ = x }\n");
            assertThat(r).doesNotStartWith("escaped").doesNotStartWith("nothing");
            if (n <= 100) {
                assertThat(r).isEqualTo("ok");
            }
            String neg = outcome("package main\nvar x = " + "-".repeat(n) + "1\nfunc main() { _ = x }\n");
            assertThat(neg).doesNotStartWith("escaped").doesNotStartWith("nothing");
        }
    }

    @Test
    void nestedBlocksAndTypes() throws InterruptedException {
        String blocks = "package main\nfunc main() {\n" + "{".repeat(600) + "}".repeat(600) + "\n}\n";
        assertThat(outcome(blocks)).doesNotStartWith("escaped").doesNotStartWith("nothing");
        String types = "package main\nvar x " + "[]".repeat(800) + "int\nfunc main() { _ = x }\n";
        assertThat(outcome(types)).doesNotStartWith("escaped").doesNotStartWith("nothing");
        String sums = "package main\nvar x = 1" + " + 1".repeat(3000) + "\nfunc main() { _ = x }\n";
        assertThat(outcome(sums)).doesNotStartWith("escaped").doesNotStartWith("nothing");
    }
}
