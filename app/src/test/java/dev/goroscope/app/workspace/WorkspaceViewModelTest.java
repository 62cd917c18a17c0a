package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.util.Threads;
import org.junit.jupiter.api.Test;

/** The workspace's model with the engine run inline: states, errors, and the user's text kept. */
class WorkspaceViewModelTest {
    private final WorkspaceViewModel vm = new WorkspaceViewModel(Threads.direct());

    @Test
    void aLessonRunsToItsEndAndThePlaybackHasItsTimeline() {
        vm.open(LessonLibrary.builtIn().byId("03-stackinuse").orElseThrow());
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(0));
        assertThat(vm.statusProperty().get()).isEqualTo("Finished (exit status 0)");
        assertThat(vm.playback().timeline().size()).isPositive();
        assertThat(vm.fileNameProperty().get()).isEqualTo("03-stackinuse.go");
    }

    @Test
    void aCompileErrorIsShownGoStyleAndTheTextStays() {
        // gc 1.19's wording (the default profile); 1.20 and later say "declared and not used: x".
        String bad = "package main\n\nfunc main() {\n\tx := 1\n}\n";
        vm.open("mine.go", bad);
        assertThat(vm.runStateProperty().get()).isInstanceOf(RunState.CompileFailed.class);
        assertThat(vm.statusProperty().get()).isEqualTo("Does not compile: mine.go:4:2: x declared but not used");
        assertThat(vm.sourceProperty().get()).isEqualTo(bad);
    }

    @Test
    void anUnsupportedFeatureIsNamed() {
        vm.open("gen.go", "package main\n\nfunc id[T any](x T) T { return x }\n\nfunc main() { println(id(1)) }\n");
        assertThat(vm.statusProperty().get()).contains("gen.go:3:").contains("unsupported");
    }

    @Test
    void editingAndRunningAgainUsesTheNewText() {
        vm.open("mine.go", "package main\n\nfunc main() {\n\tprintln(1)\n}\n");
        vm.sourceProperty().set("package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n");
        vm.runCommand().execute();
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(2));
        vm.playback().toEnd();
        assertThat(vm.playback().snapshot().stderr() + vm.playback().snapshot().fatal()).contains("panic: boom");
    }
}
