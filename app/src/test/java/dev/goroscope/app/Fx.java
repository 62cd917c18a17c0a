package dev.goroscope.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Helpers for tests that run the real UI headless (Monocle): run on the FX thread, wait, snapshot. */
public final class Fx {
    private Fx() {}

    /** Runs {@code s} on the FX thread and returns its result. */
    public static <T> T call(Supplier<T> s) {
        if (Platform.isFxApplicationThread()) {
            return s.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits (up to {@code seconds}) until {@code cond}, checked on the FX thread, holds. */
    public static void waitFor(double seconds, BooleanSupplier cond) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (call(cond::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out after " + seconds + " s");
    }

    /** Renders {@code node} as it is on screen. */
    public static BufferedImage snapshot(Node node) {
        return call(() -> {
            WritableImage img = node.snapshot(null, null);
            return toBuffered(img);
        });
    }

    public static BufferedImage toBuffered(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }

    /** Writes a PNG under {@code target/snapshots/} for a person to look at; returns its path. */
    public static Path save(BufferedImage img, String name) {
        try {
            Path dir = Path.of("target", "snapshots");
            Files.createDirectories(dir);
            Path p = dir.resolve(name + ".png");
            ImageIO.write(img, "png", p.toFile());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
