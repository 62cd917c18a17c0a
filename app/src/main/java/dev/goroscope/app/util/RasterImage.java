package dev.goroscope.app.util;

import java.nio.IntBuffer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

/**
 * {@link Raster}s shown through images that share their pixel arrays ({@link PixelBuffer}), so a
 * frame costs no pixel conversion or copy on the UI thread. Two take turns, so the pixels of the
 * frame the renderer may still be drawing are never overwritten by the next one.
 *
 * <p>The pairs are kept for the last two sizes drawn: while playing, the window's layout can make a
 * view switch between two heights from frame to frame (the text below it changes its number of
 * lines), and each switch would otherwise give both rasters a new size, so a view that redraws only
 * what changed ({@link #next}) would have to draw it all again.
 */
public final class RasterImage {
    /** A pair of rasters of one size, taking turns. */
    private static final class Pair {
        final Raster[] rasters = {new Raster(), new Raster()};
        final int[][] shared = new int[2][];
        final PixelBuffer<?>[] buffers = new PixelBuffer<?>[2];
        final WritableImage[] images = new WritableImage[2];
        int turn;
        int width = -1;
        int height = -1;
        double scale;
        long used;
    }

    private final Pair[] pairs = {new Pair(), new Pair()};
    private Pair current = pairs[0];
    private long frames;

    /** Starts a frame of {@code w x h} view units on {@code canvas}'s screen, filled with {@code argb}. */
    public Raster begin(Canvas canvas, double w, double h, int argb) {
        Raster r = next(canvas, w, h);
        r.clear(argb);
        return r;
    }

    /**
     * Starts a frame of {@code w x h} view units on {@code canvas}'s screen without clearing it: the
     * raster returned still holds the frame drawn into it two frames of this size ago (the rasters
     * take turns), unless it is new. A view that remembers what that frame showed can redraw only
     * what changed since.
     */
    public Raster next(Canvas canvas, double w, double h) {
        double scale = scaleOf(canvas);
        int dw = Raster.pixelsFor(w, scale);
        int dh = Raster.pixelsFor(h, scale);
        Pair p = pairs[0].used <= pairs[1].used ? pairs[0] : pairs[1];
        for (Pair q : pairs) {
            if (q.width == dw && q.height == dh && q.scale == scale) {
                p = q;
            }
        }
        p.width = dw;
        p.height = dh;
        p.scale = scale;
        p.used = ++frames;
        p.turn ^= 1;
        current = p;
        Raster r = p.rasters[p.turn];
        r.resize(w, h, scale);
        return r;
    }

    /** The raster of the frame before the one being drawn, of the same size (the last one shown of it). */
    public Raster previous() {
        return current.rasters[current.turn ^ 1];
    }

    /** Draws the frame {@link #begin} or {@link #next} started over the whole {@code w x h} canvas. */
    public void draw(GraphicsContext g, double w, double h) {
        Pair p = current;
        int t = p.turn;
        Raster r = p.rasters[t];
        if (p.shared[t] != r.pixels()) {
            p.shared[t] = r.pixels();
            PixelBuffer<IntBuffer> b = new PixelBuffer<>(r.width(), r.height(), IntBuffer.wrap(r.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            p.buffers[t] = b;
            p.images[t] = new WritableImage(b);
        } else {
            p.buffers[t].updateBuffer(b -> null); // the whole image changed
        }
        g.clearRect(0, 0, w, h); // also drops the canvas's buffered commands from before
        g.drawImage(p.images[t], 0, 0, w, h);
    }

    /** The screen's pixels per view unit for this canvas (2 on a HiDPI screen), 1 off screen. */
    static double scaleOf(Canvas canvas) {
        if (canvas.getScene() == null) {
            return 1;
        }
        Window w = canvas.getScene().getWindow();
        return w == null ? 1 : Math.max(1, w.getRenderScaleX());
    }

    /** An opaque ARGB int for a colour. */
    public static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
