package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.util.Threads;
import dev.goroscope.engine.event.EventKind;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;

/** The whole window, headless: a lesson loads, runs on the worker, and can be stepped. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceViewTest {
    private WorkspaceView view;
    private WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new WorkspaceViewModel(Threads.app(Platform::runLater));
        view = WorkspaceView.show(stage, vm, 1440, 900);
    }

    @Test
    void theOverflowLessonRunsAndStepsToAStackGrowth() {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId("01-stack-overflow").orElseThrow()));
        Fx.waitFor(120, () -> vm.runStateProperty().get().ended());
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(2));
        Fx.run(() -> {
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
        });
        BufferedImage img = Fx.snapshot(view);
        Fx.save(img, "workspace-overflow-growth");
        assertThat(img.getWidth()).isEqualTo(1440);
        assertThat(vm.playback().snapshot().goroutines()).isNotEmpty();
    }

    @Test
    void aGrowthPlaysAsAMovieOfTheCopy() {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId("01-stack-overflow").orElseThrow()));
        Fx.waitFor(120, () -> vm.runStateProperty().get().ended());
        BufferedImage before = Fx.call(() -> {
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            view.stacks().holdCopyAt(1);
            return Fx.snapshot(view.stacks());
        });
        BufferedImage mid = Fx.call(() -> {
            vm.playback().stepBack();
            vm.playback().stepForward();
            view.stacks().holdCopyAt(0.45);
            return Fx.snapshot(view.stacks());
        });
        Fx.save(mid, "stacks-growth-movie");
        assertThat(Fx.call(() -> view.stacks().copyProgressProperty().get())).isEqualTo(0.45);
        // Mid-copy the column shows two blocks (four outline edges across the middle); at the end, one.
        int bg = Fx.call(() -> argb(view.themeProperty().get().palette().background()));
        int y = mid.getHeight() / 2;
        assertThat(runs(mid, y, bg)).isEqualTo(4);
        assertThat(runs(before, y, bg)).isEqualTo(2);
    }

    /** Runs of pixels other than {@code bg} along row {@code y}. */
    private static int runs(BufferedImage img, int y, int bg) {
        int n = 0;
        boolean in = false;
        for (int x = 0; x < img.getWidth(); x++) {
            boolean ink = img.getRGB(x, y) != bg;
            if (ink && !in) {
                n++;
            }
            in = ink;
        }
        return n;
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
