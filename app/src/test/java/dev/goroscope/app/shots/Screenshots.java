package dev.goroscope.app.shots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.app.util.Threads;
import dev.goroscope.app.workspace.WorkspaceView;
import dev.goroscope.app.workspace.WorkspaceViewModel;
import dev.goroscope.engine.event.EventKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The README's screenshots, rendered from the real window headless: the overflow lesson mid-growth
 * and at its fatal end, the shrink lesson at a GC shrink, a GC cycle mid-mark with the barrier
 * shading, the memory chart, and the dark theme. They go to {@code target/snapshots/}, or to the
 * directory named by the {@code screenshots.dir} property (the README's screenshots command).
 * Each also checks what it shows, so a broken window fails the build rather than the picture.
 */
@ExtendWith(ApplicationExtension.class)
class Screenshots {
    private static final int W = 1600;
    private static final int H = 1000;
    private WorkspaceView view;
    private WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new WorkspaceViewModel(Threads.app(Platform::runLater));
        view = WorkspaceView.show(stage, vm, W, H);
    }

    private void lesson(String id) {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId(id).orElseThrow()));
        Fx.waitFor(180, () -> vm.runStateProperty().get().ended());
        assertThat(vm.runStateProperty().get()).isInstanceOf(RunState.Finished.class);
    }

    private static Path dir() throws IOException {
        String d = System.getProperty("screenshots.dir");
        Path p = d == null || d.isBlank() ? Path.of("target", "snapshots") : Path.of(d);
        Files.createDirectories(p);
        return p;
    }

    private BufferedImage shoot(String name) throws IOException {
        BufferedImage img = Fx.call(() -> {
            view.applyCss();
            view.layout();
            return Fx.snapshot(view);
        });
        ImageIO.write(img, "png", dir().resolve(name + ".png").toFile());
        assertThat(img.getWidth()).isEqualTo(W);
        return img;
    }

    @Test
    void overflowLessonAtTheGrowthPastOneMiB() throws IOException {
        lesson("01-stack-overflow");
        Fx.run(() -> {
            // The growth to 2 MiB: the one the seed articles get wrong (facts §2.10, §8).
            do {
                vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            } while (vm.playback().snapshot().goroutines().stream().noneMatch(g -> g.stackSize() >= 2 << 20));
            view.stacks().holdCopyAt(0.45);
        });
        shoot("overflow-growth");
        Fx.run(() -> vm.playback().toEnd());
        Fx.run(() -> view.selectSideTab("Output"));
        shoot("overflow-fatal");
        assertThat(Fx.call(() -> vm.playback().snapshot().fatal())).contains("fatal error: stack overflow");
    }

    @Test
    void shrinkLessonAtAShrinkDuringMark() throws IOException {
        lesson("05-stack-shrink");
        Fx.run(() -> {
            assertThat(vm.playback().runToNext(EnumSet.of(EventKind.STACK_SHRINK))).isTrue();
            view.stacks().holdCopyAt(0.5);
        });
        shoot("shrink");
    }

    @Test
    void gcCycleMidMarkWithTheBarrierShading() throws IOException {
        lesson("09-lost-object");
        Fx.run(() -> assertThat(vm.playback().runToNext(EnumSet.of(EventKind.BARRIER_SHADE))).isTrue());
        assertThat(Fx.call(() -> view.views().getSelectionModel().getSelectedItem().getText())).isEqualTo("Heap");
        shoot("gc-barrier");
    }

    @Test
    void memoryChartOfTheGogcLesson() throws IOException {
        lesson("10-gogc-memlimit");
        Fx.run(() -> vm.playback().seek(vm.playback().timeline().size() / 2));
        Fx.waitFor(30, () -> view.chart().viewModel().chartProperty().get() != null
                && view.chart().viewModel().chartProperty().get().steps() >= vm.playback().timeline().size());
        shoot("memory-chart");
    }

    @Test
    void darkTheme() throws IOException {
        Fx.run(() -> view.themeProperty().set(Theme.DARK));
        lesson("05-stack-shrink");
        Fx.run(() -> {
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_SHRINK));
            view.stacks().holdCopyAt(1);
        });
        BufferedImage img = shoot("dark");
        Fx.run(() -> view.themeProperty().set(Theme.LIGHT));
        // Mostly dark pixels: the theme reached every pane.
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 3 * 80) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan((long) (img.getWidth() / 7) * (img.getHeight() / 7) * 6 / 10);
    }
}
