package dev.goroscope.engine.lang.gotool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exact mode's reading of gc's output, and (where Go is installed, as in CI) a real build. */
class GoToolchainTest {
    /** What go1.19.8 printed for a small program on this project's machine (abridged). */
    private static final String SAMPLE = String.join("\n",
            "# goroscope.sim",
            "./prog.go:7:6: can inline addUp",
            "./prog.go:28:19: inlining call to addUp",
            "./prog.go:16:2: moved to heap: c",
            "./prog.go:28:53: &T{} does not escape",
            "./prog.go:28:62: (*T).Len(&T{}) escapes to heap",
            "main.addUp STEXT nosplit size=30 args=0x18 locals=0x0 funcid=0x0 align=0x0",
            "\t0x0000 00000 (/tmp/x/prog.go:7)\tTEXT\tmain.addUp(SB), NOSPLIT|ABIInternal, $0-24",
            "\t0x0000 00000 (/tmp/x/prog.go:20)\tTEXT\tmain.(*T).Len(SB), ABIInternal, $16-8",
            "\t0x0000 00000 (/tmp/x/prog.go:5)\tTEXT\tmain.deep(SB), ABIInternal, $1048-8",
            "\t0x0000 00000 (/tmp/x/prog.go:29)\tTEXT\tmain.main.func1(SB), NOSPLIT|ABIInternal, $0-8");

    @Test
    void readsTextLinesAndEscapeNotes() {
        CompilerFacts f = GcOutput.parse("go1.19.8", "prog.go", SAMPLE);
        assertThat(f.frames().get("main.deep")).isEqualTo(new CompilerFacts.Frame("main.deep", 1048, 8, false, 5));
        assertThat(f.frames().get("main.(*T).Len").frameSize()).isEqualTo(16);
        assertThat(f.frames().get("main.addUp").nosplit()).isTrue();
        assertThat(f.frames().get("main.main.func1").argSize()).isEqualTo(8);
        assertThat(f.movedToHeap()).extracting(CompilerFacts.Note::message).containsExactly("moved to heap: c");
        assertThat(f.inlinedAt(28, 19)).isTrue();
        assertThat(f.inlinedAt(28, 20)).isFalse();
        assertThat(f.notes()).filteredOn(CompilerFacts.Note::escapes).hasSize(1);
    }

    @Test
    void buildsWithTheInstalledToolchain() throws Exception {
        Optional<GoToolchain> go = GoToolchain.find();
        assumeTrue(go.isPresent(), "no Go toolchain on the PATH");
        String src = String.join("\n",
                "package main", "", "var sink byte", "",
                "func deep(n int) {", "\tvar buf [1024]byte", "\tbuf[n%1024] = byte(n)",
                "\tsink += buf[(n*7)%1024]", "\tif n > 0 {", "\t\tdeep(n - 1)", "\t}", "}", "",
                "func unused(n int) {", "\tvar buf [1024]byte", "\tbuf[0] = byte(n)", "\tif n > 0 {",
                "\t\tunused(n - 1)", "\t}", "}", "",
                "func main() {", "\tdeep(10)", "\tunused(10)", "}", "");
        CompilerFacts f = go.get().compile("prog.go", src);
        CompilerFacts.Frame deep = f.frames().get("main.deep");
        assertThat(deep.frameSize()).isGreaterThanOrEqualTo(1024);
        // Lesson 2: gc drops a buffer that is only written, so that frame is tiny.
        assertThat(f.frames().get("main.unused").frameSize()).isLessThan(64);
        if (go.get().version().startsWith("go1.19")) {
            assertThat(deep.frameSize()).isEqualTo(1048); // measured with go1.19.8
        }
        // A second build of the same source comes from the cache and agrees.
        assertThat(go.get().compile("prog.go", src)).isEqualTo(f);
    }

    @Test
    void reportsGcErrors() {
        Optional<GoToolchain> go = GoToolchain.find();
        assumeTrue(go.isPresent(), "no Go toolchain on the PATH");
        assertThatThrownBy(() -> go.get().compile("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n"))
                .isInstanceOf(GoBuildException.class).hasMessageContaining("prog.go:4:2:");
    }
}
