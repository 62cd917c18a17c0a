package dev.goroscope.app.bench;

import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.util.Threads;
import dev.goroscope.app.workspace.WorkspaceView;
import dev.goroscope.app.workspace.WorkspaceViewModel;
import dev.goroscope.engine.event.EventKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The app's speed targets, measured on a real window ({@code ./goroscope bench-app}; on a machine
 * without a display, under {@code xvfb-run}): the time from the JVM's start to the first lesson
 * drawn, the frame time while playing a run with 1,000 goroutines and 5,000 heap objects (stacks
 * and heap views), and the time to show a random step of a 10,000,000-event run. Prints a table.
 * With {@code --startup}, only the first figure (quick to repeat while tuning the start).
 */
public final class AppBench extends Application {
    /** 1,000 goroutines, each keeping a list of 5 heap objects, then GC cycles over them all. */
    static final String CROWD = """
            package main

            import (
            \t"runtime"
            \t"sync"
            )

            type node struct {
            \tnext *node
            \tv    [4]int
            }

            var ready sync.WaitGroup

            func worker(quit chan struct{}) {
            \tvar head *node
            \tfor i := 0; i < 5; i++ {
            \t\thead = &node{next: head}
            \t}
            \tready.Done()
            \t<-quit
            \tif head.next == nil {
            \t\tprintln("lost")
            \t}
            }

            func main() {
            \tquit := make(chan struct{})
            \tready.Add(1000)
            \tfor i := 0; i < 1000; i++ {
            \t\tgo worker(quit)
            \t}
            \tready.Wait()
            \truntime.GC()
            \truntime.GC()
            \tclose(quit)
            }
            """;

    /** About ten million events: recursions with allocations, over and over. */
    static final String LONG = """
            package main

            type node struct{ next *node }

            var keep *node

            //go:noinline
            func walk(n int, acc *node) *node {
            \tif n == 0 {
            \t\treturn acc
            \t}
            \treturn walk(n-1, &node{next: acc})
            }

            func main() {
            \tfor i := 0; i < 7000; i++ {
            \t\tkeep = walk(200, nil)
            \t}
            }
            """;

    private WorkspaceView view;
    private WorkspaceViewModel vm;
    private final List<String[]> rows = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        vm = new WorkspaceViewModel(Threads.app(Platform::runLater));
        view = WorkspaceView.show(stage, vm, 1600, 1000);
        vm.open(LessonLibrary.builtIn().byId("01-stack-overflow").orElseThrow());
        // Up: the first pulse after the lesson's first events are on screen.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (vm.playback().recordedProperty().get() > 0) {
                    stop();
                    vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
                    Platform.runLater(() -> {
                        long up = System.currentTimeMillis() - jvmStart;
                        rows.add(new String[] {"window up with the overflow lesson drawn (from JVM start)", "< 2 s",
                                String.format(Locale.ROOT, "%.2f s", up / 1000.0)});
                        if (getParameters().getUnnamed().contains("--startup")) {
                            print();
                            Platform.exit();
                            return;
                        }
                        Thread t = new Thread(AppBench.this::measure, "bench");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }.start();
    }

    private void measure() {
        try {
            open("crowd.go", CROWD);
            // Steady state: after a long run ends the worker indexes it for scrubbing (a one-off
            // few seconds on another core); frames are measured once that is done.
            if (on(() -> vm.playback().timeline().size()) >= dev.goroscope.app.session.RunSession.INDEX_FROM) {
                waitIndexed();
            }
            long gcStart = on(() -> {
                vm.playback().runToNext(EnumSet.of(EventKind.GC_PHASE));
                vm.playback().speedProperty().set(10);
                return vm.playback().positionProperty().get();
            });
            var gs = on(() -> vm.playback().snapshot().goroutines().size());
            var objs = on(() -> {
                view.views().getSelectionModel().select(1); // the snapshot holds objects while the heap shows
                vm.playback().seek(gcStart);
                return vm.playback().snapshot().objects().size();
            });
            frames("stacks", 0, gcStart);
            frames("heap", 1, gcStart);
            frames("memory", 2, gcStart);
            rows.add(new String[] {"  (the run shown from: goroutines, heap objects)", "1,000 / 5,000",
                    String.format(Locale.ROOT, "%,d / %,d", gs, objs)});
            open("long.go", LONG);
            long indexed = System.nanoTime();
            Thread.sleep(200);
            waitIndexed();
            rows.add(new String[] {"  (indexing the run for scrubbing, on the worker, after it ended)", "",
                    String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - indexed) / 1e9)});
            scrub();
        } catch (Exception e) {
            rows.add(new String[] {"failed", "", e.toString()});
        }
        print();
        Platform.runLater(Platform::exit);
    }

    private void open(String name, String src) throws Exception {
        on(() -> {
            vm.open(name, src);
            return null;
        });
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!on(() -> vm.runStateProperty().get().ended())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + " did not finish");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Plays for 4 s with tab {@code tab} in front. Three figures: the p95 of the intervals between
     * frames (everything, the renderer included), the p95 of the UI thread's work in a frame
     * (from the pulse's start through playback, the views' updates, CSS and layout), which is
     * what the app's own code costs whatever the graphics hardware, and the p95 of the CPU time
     * the UI thread used from one frame's layout to the next: on a machine shared with other work
     * the wall-clock figure also counts the time the thread waited for a core, this one does not.
     */
    /**
     * Plays the run from {@code from} at 10x on view {@code tab}: one second to warm up (the JIT
     * still compiles the view's code on a first showing), then four seconds measured. Every view
     * starts from the same point, so each is measured over the same stretch of the run.
     */
    private void frames(String what, int tab, long from) throws Exception {
        List<Long> intervals = new ArrayList<>();
        List<Long> work = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] last = {-1};
        long[] pulse = {-1};
        long[] cpuAt = {-1};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] > 0) {
                    intervals.add(now - last[0]);
                }
                last[0] = now;
                pulse[0] = now;
            }
        };
        Runnable laidOut = () -> {
            if (pulse[0] > 0) {
                work.add(System.nanoTime() - pulse[0]);
                pulse[0] = -1;
            }
            long c = threads.getCurrentThreadCpuTime(); // -1 where the JVM cannot tell
            if (cpuAt[0] >= 0 && c >= 0) {
                cpu.add(c - cpuAt[0]);
            }
            cpuAt[0] = c;
        };
        on(() -> {
            view.views().getSelectionModel().select(tab);
            vm.playback().seek(from);
            vm.playback().play();
            return null;
        });
        Thread.sleep(1000);
        on(() -> {
            view.getScene().addPostLayoutPulseListener(laidOut);
            timer.start();
            return null;
        });
        Thread.sleep(4000);
        boolean played = on(() -> {
            timer.stop();
            view.getScene().removePostLayoutPulseListener(laidOut);
            boolean still = vm.playback().playingProperty().get();
            vm.playback().pause();
            return still;
        });
        // A playback that reached the end would leave idle, cheap frames in the figure.
        rows.add(new String[] {"frame time p95 while playing, " + what + " view (" + intervals.size() + " frames"
                + (played ? "" : ", BUT PLAYBACK ENDED EARLY") + ")", "< 16.7 ms", ms(p95(intervals))});
        rows.add(new String[] {"  UI-thread work per frame p95, " + what + " view", "", ms(p95(work))});
        rows.add(new String[] {"  UI-thread CPU time per frame p95, " + what + " view", "", ms(p95(cpu))});
    }

    private static double p95(List<Long> xs) {
        long[] t = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return t.length == 0 ? Double.NaN : t[Math.min(t.length - 1, t.length * 95 / 100)] / 1e6;
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    /** Waits until the playback has taken over the indexed player (the worker is then idle). */
    private void waitIndexed() throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!on(() -> vm.playback().indexed()) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    /** 50 random seeks, each timed until the next pulse has laid out and painted the views. */
    private void scrub() throws Exception {
        long size = on(() -> vm.playback().timeline().size());
        on(() -> {
            view.views().getSelectionModel().select(0);
            return null;
        });
        Random r = new Random(7);
        long[] t = new long[55];
        for (int k = 0; k < t.length; k++) {
            long target = (long) (r.nextDouble() * size);
            CompletableFuture<Long> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                vm.playback().seek(target);
                Runnable[] after = new Runnable[1];
                after[0] = () -> {
                    view.getScene().removePostLayoutPulseListener(after[0]);
                    done.complete(System.nanoTime() - t0);
                };
                view.getScene().addPostLayoutPulseListener(after[0]);
                Platform.requestNextPulse();
            });
            t[k] = done.get(30, TimeUnit.SECONDS);
        }
        long first = t[0];
        long[] warm = Arrays.copyOfRange(t, 5, t.length); // the first five warm up the JIT
        Arrays.sort(warm);
        rows.add(new String[] {String.format(Locale.ROOT, "scrub to a random step of a %,d-event run (worst of 50)",
                size), "< 200 ms", String.format(Locale.ROOT, "%.0f ms", warm[warm.length - 1] / 1e6)});
        rows.add(new String[] {"  median of the 50 / the very first (cold) scrub", "",
                String.format(Locale.ROOT, "%.0f ms / %.0f ms", warm[warm.length / 2] / 1e6, first / 1e6)});
    }

    private static <T> T on(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    private void print() {
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.printf(Locale.ROOT, "%-" + w + "s  %-14s %s%n", "app benchmark", "target", "measured");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-" + w + "s  %-14s %s%n", r[0], r[1], r[2]);
        }
    }

    public static void main(String[] args) {
        dev.goroscope.app.Warmup.start("01-stack-overflow");
        launch(args);
    }
}
