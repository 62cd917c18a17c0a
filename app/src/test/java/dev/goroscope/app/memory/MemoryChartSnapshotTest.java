package dev.goroscope.app.memory;

import dev.goroscope.app.Runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.app.timeline.PlaybackViewModel;
import dev.goroscope.engine.timeline.Timeline;
import java.awt.image.BufferedImage;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The memory chart rendered headless for real lesson runs, saved under
 * {@code target/snapshots/memory-chart-*.png} for a person to look at, with checks on the pixels:
 * the lines are there in their colours, the cursor is where playback is, and a click seeks.
 */
@ExtendWith(ApplicationExtension.class)
class MemoryChartSnapshotTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        Theme.LIGHT.apply();
    }

    private record Shown(PlaybackViewModel playback, MemoryChartViewModel vm, MemoryChartView view, Palette palette,
                         double font) {}

    private Shown show(String lesson, Palette palette, double font, double w, double h, double at) {
        Timeline t = Runs.lesson(lesson);
        return Fx.call(() -> {
            PlaybackViewModel playback = new PlaybackViewModel();
            playback.load(t);
            MemoryChartViewModel vm = new MemoryChartViewModel(playback::timeline, playback.snapshotProperty());
            MemoryChartView view = new MemoryChartView(vm, new SimpleObjectProperty<>(palette),
                    new SimpleDoubleProperty(font), playback::seek);
            Scene scene = new Scene(view, w, h);
            scene.getStylesheets().add(Theme.STYLESHEET);
            view.setStyle("-fx-font-size: " + font + "px;");
            stage.setScene(scene);
            stage.show();
            while (!vm.advance()) {
                // fold the whole run before looking
            }
            playback.seek((long) (t.size() * at));
            view.canvasPane().repaint();
            return new Shown(playback, vm, view, palette, font);
        });
    }

    @Test
    void theGogcLessonReadsAsASawtoothUnderItsGoal() {
        Shown s = show("10-gogc-memlimit", Palette.LIGHT, 16, 1280, 760, 0.42);
        BufferedImage img = Fx.snapshot(s.view().canvasPane());
        Fx.save(img, "memory-chart-gogc-light");
        ChartStyle style = new ChartStyle(Palette.LIGHT);
        assertThat(count(img, style.colour(ChartSeries.HEAP_ALLOC))).isGreaterThan(2000);
        assertThat(count(img, style.colour(ChartSeries.NEXT_GC))).isGreaterThan(300);
        assertThat(count(img, style.colour(ChartSeries.STACK_INUSE))).isGreaterThan(200);
        assertThat(count(img, style.colour(ChartSeries.GOROUTINES))).isGreaterThan(200);
        assertThat(count(img, style.colour(ChartSeries.NUM_GC))).isGreaterThan(200);
        cursorIsAtPlayback(s, img);
    }

    @Test
    void theStackShrinkLessonInTheDarkThemeAtProjectorSize() {
        Shown s = show("05-stack-shrink", Palette.DARK, 20, 1280, 800, 0.5);
        BufferedImage img = Fx.snapshot(s.view().canvasPane());
        Fx.save(img, "memory-chart-shrink-dark");
        ChartStyle style = new ChartStyle(Palette.DARK);
        assertThat(count(img, style.colour(ChartSeries.STACK_INUSE))).isGreaterThan(500);
        assertThat(count(img, style.colour(ChartSeries.HEAP_ALLOC))).isGreaterThan(100);
        cursorIsAtPlayback(s, img);
    }

    @Test
    void clickingAndDraggingOnTheChartSeeksPlayback() {
        Shown s = show("05-stack-shrink", Palette.LIGHT, 14, 1000, 600, 0.1);
        long steps = s.vm().chart().steps();
        Fx.run(() -> {
            var c = s.view().canvasPane();
            MemoryChartPainter.Layout l = new MemoryChartPainter(Palette.LIGHT, 14).layout(c.getWidth(), c.getHeight());
            double x = l.x0() + 0.75 * (l.x1() - l.x0());
            c.fireEvent(mouse(MouseEvent.MOUSE_PRESSED, x, 200));
            assertThat(s.playback().positionProperty().get()).isEqualTo(s.vm().stepAt(l.fraction(x)))
                    .isCloseTo((long) (0.75 * (steps + 1)), org.assertj.core.data.Offset.offset(1L));
            x = l.x0() + 0.25 * (l.x1() - l.x0());
            c.fireEvent(mouse(MouseEvent.MOUSE_DRAGGED, x, 220));
            assertThat(s.playback().positionProperty().get()).isEqualTo(s.vm().stepAt(l.fraction(x)))
                    .isCloseTo((long) (0.25 * (steps + 1)), org.assertj.core.data.Offset.offset(1L));
            c.fireEvent(mouse(MouseEvent.MOUSE_DRAGGED, l.x1() + 50, 220));
            assertThat(s.playback().positionProperty().get()).isEqualTo(steps);
        });
        assertThat(s.vm().cursorProperty().get()).isEqualTo(steps);
    }

    @Test
    void aTenMillionEventChartRedrawsInAFewFrames() {
        Timeline lesson = Runs.lesson("10-gogc-memlimit");
        Timeline big = new Timeline();
        // The lesson's events over and over (the figures drift): a stress test of size, not a story.
        while (big.size() < 10_000_000) {
            for (long i = 0; i < lesson.size(); i++) {
                big.emit(lesson.get(i));
            }
        }
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> big, new SimpleObjectProperty<>());
        while (!vm.advance()) {
            // fold it all
        }
        long[] best = {Long.MAX_VALUE};
        BufferedImage img = Fx.call(() -> {
            javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(1280, 720);
            MemoryChartPainter painter = new MemoryChartPainter(Palette.LIGHT, 16);
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                painter.paint(canvas.getGraphicsContext2D(), 1280, 720, vm.chart(), big.size() / 3, null);
                best[0] = Math.min(best[0], System.nanoTime() - t0);
            }
            return Fx.toBuffered(canvas.snapshot(null, null));
        });
        Fx.save(img, "memory-chart-stress-10M");
        System.out.printf("memory chart of %,d events: %d buckets, %d bands, painted in %.1f ms%n", big.size(),
                vm.chart().buckets(), vm.chart().bands().size(), best[0] / 1e6);
        assertThat(best[0]).isLessThan(200_000_000L);
        assertThat(count(img, new ChartStyle(Palette.LIGHT).colour(ChartSeries.HEAP_ALLOC))).isGreaterThan(1000);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                false, false, false, null);
    }

    /** The cursor is a vertical line in the text colour at the playback position, through every panel. */
    private static void cursorIsAtPlayback(Shown s, BufferedImage img) {
        MemoryChart c = s.vm().chart();
        MemoryChartPainter.Layout l = new MemoryChartPainter(s.palette(), s.font()).layout(img.getWidth(),
                img.getHeight());
        long pos = s.playback().positionProperty().get();
        int x = (int) Math.floor(l.x0() + (l.x1() - l.x0()) * (pos + 0.5) / (c.steps() + 1));
        Color cursor = new ChartStyle(s.palette()).cursor();
        int hits = 0;
        int rows = 0;
        for (int y = (int) l.top(); y < (int) l.bottom(); y++) {
            rows++;
            for (int dx = -1; dx <= 1; dx++) {
                if (near(img.getRGB(x + dx, y), cursor, 40)) {
                    hits++;
                    break;
                }
            }
        }
        assertThat(hits).as("cursor pixels at x=%d", x).isGreaterThan(rows * 8 / 10);
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img.getRGB(x, y), c, 30)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int argb, Color c, int tol) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - c.getRed() * 255) <= tol && Math.abs(g - c.getGreen() * 255) <= tol
                && Math.abs(b - c.getBlue() * 255) <= tol;
    }
}
