package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.gotool.GoToolchain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bench's comparison with native Go runs the real overflow both ways and prints its rows. */
class GoBenchTest {
    @Test
    void overflowRunIsComparedWithNativeGoAndTheHeapItNeeded() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        GoBench.versusNative(new PrintStream(b, true, StandardCharsets.UTF_8));
        String out = b.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("goroscope run: 1 KiB locals to the 1 GB stack overflow")
                .containsPattern("JVM heap used at most.*< 1 GiB\\s+\\d+ MiB");
        if (GoToolchain.find().isPresent()) {
            assertThat(out).containsPattern("native go1\\.\\d+(\\.\\d+)? binary, same program\\s+\\S+ m?s")
                    .containsPattern("goroscope / native\\s+< 10x\\s+\\d+\\.\\dx");
        } else {
            assertThat(out).contains("no go on the PATH");
        }
    }
}
