package dev.goroscope.app.bench;

import dev.goroscope.app.Runs;
import dev.goroscope.app.heap.HeapView;
import dev.goroscope.app.heap.HeapViewModel;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.app.timeline.PlaybackViewModel;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The heap view's UI-thread work per frame, without a window manager, a renderer or other load
 * in the way: {@link AppBench}'s crowd run (1,000 goroutines, 5,000 heap objects) played at 10x
 * as the workspace plays it, each frame split into the playback's step (the engine's snapshot
 * with its heap objects) and the heap view's own part (its model's update and the painter's draw
 * calls). Quicker to repeat while tuning than {@code bench-app}, whose figure also holds CSS,
 * layout and the other views. Run headless (Monocle) with the test class path:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw ... HeapFrameBench [frames]}.
 */
public final class HeapFrameBench {
    private HeapFrameBench() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Timeline t = Runs.of(AppBench.CROWD);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        double[][] out = dev.goroscope.app.Fx.call(() -> run(t, frames));
        print("playback step (snapshot with heap objects)", out[0]);
        print("heap view: model update + paint", out[1]);
        print("  of which model update", out[2]);
        print("total", out[3]);
        print("total, CPU time of the UI thread", out[4]);
        String[] names = {"step", "view", "model", "total"};
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "first frames, %-5s (ms):%s%n", names[k], Arrays.stream(out[k]).limit(8)
                    .mapToObj(v -> String.format(Locale.ROOT, " %5.1f", v)).reduce("", String::concat));
        }
        Platform.exit();
    }

    private static double[][] run(Timeline t, int frames) {
        Theme.LIGHT.apply();
        PlaybackViewModel pb = new PlaybackViewModel();
        pb.load(t);
        pb.runToNext(EnumSet.of(EventKind.GC_PHASE));
        pb.speedProperty().set(10);
        SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(pb.snapshot());
        HeapViewModel vm = new HeapViewModel(snap, pb::timeline);
        HeapView view = new HeapView(vm, new SimpleObjectProperty<>(Palette.LIGHT), new SimpleDoubleProperty(14));
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1150, 760);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        view.applyCss();
        view.layout();
        pb.play();
        double[] step = new double[frames];
        double[] heap = new double[frames];
        double[] model = new double[frames];
        double[] total = new double[frames];
        double[] cpu = new double[frames];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        // a second model with no view, to time the model's part alone
        SimpleObjectProperty<Snapshot> aloneSnap = new SimpleObjectProperty<>(pb.snapshot());
        HeapViewModel alone = new HeapViewModel(aloneSnap, pb::timeline);
        long nanos = 0;
        for (int i = 0; i < frames; i++) {
            nanos += 16_666_667L;
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pb.tick(nanos);
            long t1 = System.nanoTime();
            snap.set(pb.snapshot()); // the model updates
            view.layout(); // the frame's layout pass: the view paints its canvas
            long t2 = System.nanoTime();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            aloneSnap.set(pb.snapshot());
            long t3 = System.nanoTime();
            step[i] = (t1 - t0) / 1e6;
            heap[i] = (t2 - t1) / 1e6;
            model[i] = (t3 - t2) / 1e6;
            total[i] = (t2 - t0) / 1e6;
        }
        stage.hide();
        System.out.printf(Locale.ROOT, "%,d objects, %,d goroutines at the end, position %,d%n",
                pb.snapshot().objects().size(), pb.snapshot().goroutines().size(), pb.positionProperty().get());
        return new double[][] {step, heap, model, total, cpu};
    }

    /** The figures of the first 120 frames (cold: the JIT has not compiled the view yet), then of the rest. */
    private static void print(String what, double[] xs) {
        double[] cold = Arrays.copyOfRange(xs, 0, Math.min(120, xs.length));
        double[] warm = Arrays.copyOfRange(xs, Math.min(120, xs.length), xs.length);
        Arrays.sort(cold);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%-45s cold p95 %6.2f ms | warm median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n",
                what, cold[cold.length * 95 / 100], warm[warm.length / 2], warm[warm.length * 95 / 100],
                warm[warm.length - 1]);
    }
}
