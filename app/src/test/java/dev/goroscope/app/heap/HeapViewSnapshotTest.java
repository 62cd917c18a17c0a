package dev.goroscope.app.heap;

import dev.goroscope.app.Runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The heap view rendered headless from real runs, saved under target/snapshots for a person to look at. */
@ExtendWith(ApplicationExtension.class)
class HeapViewSnapshotTest {
    static final String MANY = """
            package main

            import "viz"

            type node struct {
            	val  int
            	next *node
            }

            var head *node

            func main() {
            	for i := 0; i < 5000; i++ {
            		head = &node{val: i, next: head}
            	}
            	viz.GCStart()
            	viz.GCStep(2500)
            	viz.GCFinish()
            }
            """;

    private final SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>();
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.LIGHT);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(14);
    private Timeline timeline = new Timeline();
    private Player player = new Player(timeline);
    private HeapViewModel vm;
    private HeapView view;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        snap.set(player.snapshot());
        vm = new HeapViewModel(snap, () -> timeline);
        view = new HeapView(vm, palette, fontSize);
        Scene scene = new Scene(view, 1100, 640);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void load(Timeline t) {
        Fx.run(() -> {
            timeline = t;
            player = new Player(t);
            snap.set(player.snapshot());
        });
    }

    private void after(long from, Predicate<Event> p) {
        for (long i = from; i < timeline.size(); i++) {
            if (p.test(timeline.get(i))) {
                long pos = i + 1;
                Fx.run(() -> {
                    player.seek(pos);
                    snap.set(player.snapshot());
                });
                return;
            }
        }
        throw new AssertionError("no such event");
    }

    private static int count(BufferedImage img, Color c, double tolerance) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                double r = ((argb >> 16) & 255) / 255.0;
                double g = ((argb >> 8) & 255) / 255.0;
                double b = (argb & 255) / 255.0;
                if (Math.abs(r - c.getRed()) < tolerance && Math.abs(g - c.getGreen()) < tolerance
                        && Math.abs(b - c.getBlue()) < tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theBarrierShadeMidMarkIsFlashedWithItsReason() {
        load(Runs.lesson("09-lost-object"));
        BufferedImage before = Fx.snapshot(view.canvasPane());
        assertThat(count(before, Palette.LIGHT.shade(), 0.06)).isZero();
        after(0, e -> e.kind() == EventKind.BARRIER_SHADE);
        BufferedImage img = Fx.snapshot(view.canvasPane());
        Fx.save(img, "heap-barrier-shade");
        assertThat(count(img, Palette.LIGHT.shade(), 0.06)).as("the flash").isGreaterThan(2000);
        assertThat(count(img, Palette.LIGHT.objectBlack(), 0.04)).as("black objects").isGreaterThan(2000);
        // the C object is drawn grey: its cell has the grey fill, and the white mid is hollow
        HeapScene s = Fx.call(vm::scene);
        HeapPlan.Cell c = s.plan().cell(s.focus().addr());
        HeapGeometry geo = new HeapGeometry(img.getWidth(), img.getHeight(), 14, s.plan().rows());
        HeapPlan.Cell mid = s.plan().cell(s.focus().holder());
        if (geo.labelled) {
            // its top edge strip, above the label plate: light grey fill crossed by darker hatch lines
            double[] shares = shares(img, (int) geo.cellX(c) + 4, (int) geo.cellY(c) + 3, (int) geo.cw - 8,
                    (int) (geo.ch * 0.15));
            assertThat(shares[0]).as("hatch lines").isGreaterThan(0.1);
            assertThat(shares[1]).as("grey fill").isGreaterThan(0.2);
            double[] white = shares(img, (int) geo.cellX(mid) + 4, (int) geo.cellY(mid) + 3, (int) geo.cw - 8,
                    (int) (geo.ch * 0.15));
            assertThat(white[0] + white[1]).as("a white object is hollow").isLessThan(0.05);
        } else {
            // Lesson 9's heap also holds the runtime's own objects (the mark workers' nodes, fmt's
            // printer and its pool), too many size classes for labelled cells: small cells, grey
            // is a half fill (its top-left corner), white is hollow
            int q = (int) Math.max(2, geo.cw / 4);
            Color grey = Palette.LIGHT.objectGrey();
            assertThat(share(img, grey, (int) geo.cellX(c) + 2, (int) geo.cellY(c) + 2, q, q)).as("grey fill")
                    .isGreaterThan(0.5);
            assertThat(share(img, grey, (int) geo.cellX(mid) + 2, (int) geo.cellY(mid) + 2, q, q))
                    .as("a white object is hollow").isLessThan(0.05);
        }

        // the size the heap pane has in the workspace window, at the presenter's larger font
        BufferedImage small = Fx.call(() -> {
            Canvas canvas = new Canvas(760, 430);
            new HeapPainter(Palette.LIGHT, 16).paint(canvas.getGraphicsContext2D(), 760, 430, s);
            return Fx.toBuffered(canvas.snapshot(null, null));
        });
        Fx.save(small, "heap-barrier-shade-small");
        assertThat(count(small, Palette.LIGHT.shade(), 0.06)).as("the flash, small").isGreaterThan(1000);

        Fx.run(() -> palette.set(Palette.DARK));
        Fx.save(Fx.snapshot(view.canvasPane()), "heap-barrier-shade-dark");
        Fx.run(() -> palette.set(Palette.LIGHT));

        // the pane's title bar: the count says how many runtime objects are hidden; its switch
        // shows them
        Fx.save(Fx.snapshot(view), "heap-pane");
        javafx.scene.control.ToggleButton toggle = Fx.call(() -> (javafx.scene.control.ToggleButton)
                view.lookupAll(".toggle-button").iterator().next());
        assertThat(Fx.call(() -> view.lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()))
                .contains("3 objects (9 runtime hidden) \u00b7 2 grey");
        assertThat(Fx.call(toggle::isSelected)).isFalse();
        // the runtime's own objects shown: G structs and the mark workers' nodes crowd the grid
        // into small cells, and the same flash stands out on it
        Fx.run(toggle::fire);
        assertThat(Fx.call(() -> vm.showRuntimeProperty().get())).isTrue();
        BufferedImage all = Fx.snapshot(view.canvasPane());
        Fx.save(all, "heap-barrier-shade-runtime");
        HeapScene withRuntime = Fx.call(vm::scene);
        assertThat(s.hidden()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(withRuntime.objects()).hasSize(s.objects().size() + s.hidden().size());
        assertThat(new HeapGeometry(all.getWidth(), all.getHeight(), 14, withRuntime.plan().rows()).labelled)
                .as("small cells").isFalse();
        assertThat(count(all, Palette.LIGHT.shade(), 0.06)).as("the flash").isGreaterThan(1000);
        Fx.run(() -> vm.showRuntimeProperty().set(false));
    }

    /**
     * A program object pointing to a hidden runtime object (none of the lessons has one, so the
     * pointer is added to lesson 9's scene): the field ends in a stub tagged "runtime" above its
     * cell, not in a dangling (limit-coloured) arrow and not in nothing.
     */
    @Test
    void aPointerToAHiddenRuntimeObjectEndsInATaggedStub() {
        load(Runs.lesson("09-lost-object"));
        after(0, e -> e.kind() == EventKind.BARRIER_SHADE);
        HeapScene s = Fx.call(vm::scene);
        HeapScene.Obj mid = s.containing(s.focus().holder());
        long hidden = s.hidden().get(0).addr();
        java.util.List<HeapScene.Obj> objects = new java.util.ArrayList<>();
        for (HeapScene.Obj o : s.objects()) {
            objects.add(o != mid ? o : new HeapScene.Obj(o.addr(), o.typeName(), o.sizeClass(), o.elemSize(),
                    o.colour(), new long[] {hidden, o.fields()[1]}, o.allocatedBlack()));
        }
        HeapScene pointing = new HeapScene(s.phase(), s.cycle(), objects, s.hidden(), s.roots(), s.greyQueue(),
                s.ghosts(), null, s.plan());
        HeapScene plain = new HeapScene(s.phase(), s.cycle(), s.objects(), s.hidden(), s.roots(), s.greyQueue(),
                s.ghosts(), null, s.plan());
        BufferedImage[] img = Fx.call(() -> {
            BufferedImage[] out = new BufferedImage[2];
            HeapScene[] scenes = {plain, pointing};
            for (int i = 0; i < 2; i++) {
                Canvas canvas = new Canvas(1100, 640);
                new HeapPainter(Palette.LIGHT, 14).paint(canvas.getGraphicsContext2D(), 1100, 640, scenes[i]);
                out[i] = Fx.toBuffered(canvas.snapshot(null, null));
            }
            return out;
        });
        Fx.save(img[1], "heap-runtime-stub");
        HeapGeometry geo = new HeapGeometry(1100, 640, 14, s.plan().rows());
        assertThat(geo.labelled).isTrue();
        HeapPlan.Cell c = s.plan().cell(mid.addr(), mid.sizeClass());
        int x0 = (int) (geo.cellX(c) + geo.cw / 2 - 4);
        int y0 = (int) (geo.cellY(c) - geo.gy * 0.5 - 10);
        BufferedImage above = img[1].getSubimage(x0, y0, (int) (geo.font * 6), 20);
        BufferedImage before = img[0].getSubimage(x0, y0, (int) (geo.font * 6), 20);
        assertThat(count(above, Palette.LIGHT.muted(), 0.08)).as("the stub and its tag")
                .isGreaterThan(count(before, Palette.LIGHT.muted(), 0.08) + 30);
        assertThat(count(img[1], Palette.LIGHT.limit(), 0.06)).as("not a dangling pointer")
                .isEqualTo(count(img[0], Palette.LIGHT.limit(), 0.06));
    }

    /** The share of a rectangle's pixels that have colour {@code c}. */
    private static double share(BufferedImage img, Color c, int x0, int y0, int w, int h) {
        return (double) count(img.getSubimage(x0, y0, w, h), c, 0.04) / Math.max(1, w * h);
    }

    /** The shares of dark (below 140) and light-grey (170 to 225) luminance in a rectangle. */
    private static double[] shares(BufferedImage img, int x0, int y0, int w, int h) {
        int dark = 0;
        int grey = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int argb = img.getRGB(x, y);
                int l = (int) (0.299 * ((argb >> 16) & 255) + 0.587 * ((argb >> 8) & 255) + 0.114 * (argb & 255));
                if (l < 140) {
                    dark++;
                } else if (l >= 170 && l <= 225) {
                    grey++;
                }
            }
        }
        double n = Math.max(1, w * h);
        return new double[] {dark / n, grey / n};
    }

    @Test
    void theSweepWithoutABarrierShowsTheLostObject() {
        load(Runs.lesson("09-lost-object"));
        after(0, e -> e instanceof GcEvent.SpanSwept sw && sw.freed().stream().anyMatch(GcEvent.FreedObject::lost));
        BufferedImage img = Fx.snapshot(view.canvasPane());
        Fx.save(img, "heap-lost-sweep");
        // the lost object's double dashed outline and the dangling pointer to it, in the limit
        // colour (small cells: lesson 9's heap also holds the runtime's own objects); nothing else
        // on the canvas has that colour
        assertThat(count(img, Palette.LIGHT.limit(), 0.06)).as("lost object and dangling pointer").isGreaterThan(40);
        // and the freed slot is tinted with it
        assertThat(count(img, Palette.LIGHT.limit().interpolate(Palette.LIGHT.background(), 0.7), 0.06))
                .as("the lost slot's tint").isGreaterThan(100);
    }

    @Test
    void allocationDuringMarkIsBlackAndTaggedNew() {
        load(Runs.of(HeapViewModelTest.LIST));
        long swept = -1;
        for (long i = 0; i < timeline.size(); i++) {
            if (timeline.get(i) instanceof GcEvent.SpanSwept sw && !sw.freed().isEmpty()) {
                swept = i;
                break;
            }
        }
        after(swept, e -> e instanceof dev.goroscope.engine.event.HeapEvent.ObjectAllocated a && a.black());
        BufferedImage img = Fx.snapshot(view.canvasPane());
        Fx.save(img, "heap-allocate-black");
        assertThat(Fx.call(vm::scene).objects()).anyMatch(HeapScene.Obj::allocatedBlack);
        assertThat(count(img, Palette.LIGHT.accent(), 0.05)).as("the new tag").isGreaterThan(100);
    }

    @Test
    void fiveThousandObjectsMidMark() {
        load(Runs.of(MANY));
        after(0, e -> e instanceof GcEvent.ObjectBlackened);
        Fx.run(() -> player.seek(timeline.indexOfNext(player.position(), EnumSet.of(EventKind.MARK)) + 1200));
        Fx.run(() -> snap.set(player.snapshot()));
        HeapScene s = Fx.call(vm::scene);
        assertThat(s.objects().size()).isGreaterThanOrEqualTo(5000);
        assertThat(s.objects()).anyMatch(o -> o.colour() == dev.goroscope.engine.timeline.Colour.BLACK)
                .anyMatch(o -> o.colour() == dev.goroscope.engine.timeline.Colour.WHITE);
        BufferedImage img = Fx.snapshot(view.canvasPane());
        Fx.save(img, "heap-5000");

        // a frame: the painter's draw calls, then the canvas rendered (software pipeline, headless)
        double[] paint = new double[30];
        double[] render = new double[30];
        Fx.run(() -> {
            Canvas canvas = new Canvas(1100, 600);
            HeapPainter painter = new HeapPainter(Palette.LIGHT, 14);
            for (int i = 0; i < paint.length; i++) {
                long t0 = System.nanoTime();
                painter.paint(canvas.getGraphicsContext2D(), 1100, 600, s);
                long t1 = System.nanoTime();
                canvas.snapshot(null, null);
                long t2 = System.nanoTime();
                paint[i] = (t1 - t0) / 1e6;
                render[i] = (t2 - t1) / 1e6;
            }
        });
        Snapshot at = Fx.call(() -> player.snapshot());
        HeapViewModel alone = new HeapViewModel(new SimpleObjectProperty<>(at), () -> timeline);
        double[] model = new double[15];
        for (int i = 0; i < model.length; i++) {
            long t0 = System.nanoTime();
            alone.update(at);
            model[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(model);
        Arrays.sort(paint);
        Arrays.sort(render);
        System.out.printf(Locale.ROOT, "heap view, %d objects: paint %.2f ms (fastest %.2f), paint+render %.2f ms"
                + " (medians of %d), scene update %.2f ms%n", s.objects().size(), paint[paint.length / 2], paint[0],
                paint[paint.length / 2] + render[render.length / 2], paint.length, model[model.length / 2]);
    }
}
