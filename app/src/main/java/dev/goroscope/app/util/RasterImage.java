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
 */
public final class RasterImage {
    private final Raster[] rasters = {new Raster(), new Raster()};
    private final int[][] shared = new int[2][];
    private final PixelBuffer<?>[] buffers = new PixelBuffer<?>[2];
    private final WritableImage[] images = new WritableImage[2];
    private int turn;

    /** Starts a frame of {@code w x h} view units on {@code canvas}'s screen, filled with {@code argb}. */
    public Raster begin(Canvas canvas, double w, double h, int argb) {
        turn ^= 1;
        Raster r = rasters[turn];
        r.reset(w, h, scaleOf(canvas), argb);
        return r;
    }

    /** Draws the frame {@link #begin} started over the whole {@code w x h} canvas. */
    public void draw(GraphicsContext g, double w, double h) {
        Raster r = rasters[turn];
        if (shared[turn] != r.pixels()) {
            shared[turn] = r.pixels();
            PixelBuffer<IntBuffer> b = new PixelBuffer<>(r.width(), r.height(), IntBuffer.wrap(r.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            buffers[turn] = b;
            images[turn] = new WritableImage(b);
        } else {
            buffers[turn].updateBuffer(b -> null); // the whole image changed
        }
        g.clearRect(0, 0, w, h); // also drops the canvas's buffered commands from before
        g.drawImage(images[turn], 0, 0, w, h);
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
