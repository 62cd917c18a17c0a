package dev.goroscope.app.util;

import java.util.Arrays;

/**
 * An opaque ARGB pixel buffer with the few drawing operations the dense views need: rectangles,
 * outlines, half-filled cells, dots and thin anti-aliased lines blended with an alpha. A view
 * with thousands of tiny shapes (5,000 heap objects and their pointers) draws them here in plain
 * Java and hands the toolkit one image, instead of thousands of canvas commands that the
 * renderer must rasterise path by path on every frame. No toolkit types: coordinates are in view
 * units, multiplied by {@code scale} for HiDPI screens.
 */
public final class Raster {
    private int width;
    private int height;
    private double scale = 1;
    private int[] px = new int[0];

    /** Makes the buffer {@code w x h} view units at {@code scale}, filled with {@code argb}. */
    public void reset(double w, double h, double scale, int argb) {
        resize(w, h, scale);
        clear(argb);
    }

    /**
     * Makes the buffer {@code w x h} view units at {@code scale}. Its pixels are kept when the
     * size is unchanged, so a frame may draw over the last one it held; else they are undefined.
     */
    public void resize(double w, double h, double scale) {
        this.scale = scale;
        width = pixelsFor(w, scale);
        height = pixelsFor(h, scale);
        if (px.length != width * height) {
            px = new int[width * height];
        }
    }

    /** Copies {@code o}'s pixels, which must be of the same size. */
    public void copyFrom(Raster o) {
        if (o.width != width || o.height != height) {
            throw new IllegalArgumentException("rasters of different sizes");
        }
        System.arraycopy(o.px, 0, px, 0, px.length);
    }

    /** Device pixels for {@code v} view units at {@code scale}. */
    public static int pixelsFor(double v, double scale) {
        return Math.max(1, (int) Math.ceil(v * scale));
    }

    /** Fills the whole buffer with {@code argb}. */
    public void clear(int argb) {
        Arrays.fill(px, argb | 0xff000000);
    }

    public double scale() {
        return scale;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The pixels, row by row ({@code width()} per row), opaque, so the same ints are also valid
     * premultiplied ARGB. The array is replaced only when the size changes.
     */
    public int[] pixels() {
        return px;
    }

    /** The colour at device pixel (x, y), for tests. */
    public int at(int x, int y) {
        return px[y * width + x];
    }

    public void fillRect(double x, double y, double w, double h, int argb) {
        int x0 = clampX(Math.round(x * scale));
        int x1 = clampX(Math.round((x + w) * scale));
        int y0 = clampY(Math.round(y * scale));
        int y1 = clampY(Math.round((y + h) * scale));
        if (x1 == x0 && w > 0 && x0 < width) {
            x1 = x0 + 1; // a cell narrower than a pixel still shows
        }
        if (y1 == y0 && h > 0 && y0 < height) {
            y1 = y0 + 1;
        }
        int c = argb | 0xff000000;
        for (int row = y0; row < y1; row++) {
            Arrays.fill(px, row * width + x0, row * width + x1, c);
        }
    }

    /** A one-device-pixel outline just inside the rectangle. */
    public void strokeRect(double x, double y, double w, double h, int argb) {
        double one = 1 / scale;
        fillRect(x, y, w, one, argb);
        fillRect(x, y + h - one, w, one, argb);
        fillRect(x, y, one, h, argb);
        fillRect(x + w - one, y, one, h, argb);
    }

    /** The triangle over the top-left half of the rectangle (a grey cell too small to hatch). */
    public void fillTopLeftHalf(double x, double y, double w, double h, int argb) {
        int x0 = (int) Math.round(x * scale);
        int y0 = (int) Math.round(y * scale);
        int x1 = (int) Math.round((x + w) * scale);
        int y1 = (int) Math.round((y + h) * scale);
        int rows = Math.max(1, y1 - y0);
        int c = argb | 0xff000000;
        for (int row = y0; row < y1; row++) {
            if (row < 0 || row >= height) {
                continue;
            }
            double f = (row - y0 + 0.5) / rows;
            int end = clampX(x0 + Math.round((1 - f) * (x1 - x0)));
            int start = clampX(x0);
            if (end > start) {
                Arrays.fill(px, row * width + start, row * width + end, c);
            }
        }
    }

    /** A filled disc, blended at its edge. */
    public void fillDisc(double cx, double cy, double r, int argb) {
        double dcx = cx * scale;
        double dcy = cy * scale;
        double dr = r * scale;
        int x0 = clampX((long) Math.floor(dcx - dr));
        int x1 = clampX((long) Math.ceil(dcx + dr));
        int y0 = clampY((long) Math.floor(dcy - dr));
        int y1 = clampY((long) Math.ceil(dcy + dr));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double d = Math.hypot(x + 0.5 - dcx, y + 0.5 - dcy);
                double cover = Math.min(1, Math.max(0, dr - d + 0.5));
                if (cover > 0) {
                    blend(x, y, argb, cover);
                }
            }
        }
    }

    /**
     * A thin anti-aliased line (Wu's method: two pixels across the line per step, weighted by
     * distance), blended at {@code alpha}. With {@code dash > 0} it is dashed: {@code dash} view
     * units on, {@code gap} off.
     */
    public void line(double ax, double ay, double bx, double by, int argb, double alpha, double dash, double gap) {
        double x0 = ax * scale;
        double y0 = ay * scale;
        double x1 = bx * scale;
        double y1 = by * scale;
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0;
            x0 = y0;
            y0 = t;
            t = x1;
            x1 = y1;
            y1 = t;
        }
        if (x0 > x1) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double dx = x1 - x0;
        double gradient = dx == 0 ? 1 : (y1 - y0) / dx;
        // how far along the line one step of the major axis goes, for the dash pattern
        double perStep = Math.sqrt(1 + gradient * gradient) / scale;
        double period = dash + gap;
        int start = (int) Math.round(x0);
        int end = (int) Math.round(x1);
        int limit = steep ? height : width;
        if (start < 0) {
            start = 0;
        }
        if (end > limit - 1) {
            end = limit - 1;
        }
        for (int i = start; i <= end; i++) {
            if (period > 0 && ((i - x0) * perStep) % period >= dash) {
                continue;
            }
            double y = y0 + gradient * (i - x0);
            int yi = (int) Math.floor(y);
            double frac = y - yi;
            if (steep) {
                blendChecked(yi, i, argb, alpha * (1 - frac));
                blendChecked(yi + 1, i, argb, alpha * frac);
            } else {
                blendChecked(i, yi, argb, alpha * (1 - frac));
                blendChecked(i, yi + 1, argb, alpha * frac);
            }
        }
    }

    /** A rectangle blended over what is there at {@code alpha} (a tint). */
    public void tintRect(double x, double y, double w, double h, int argb, double alpha) {
        int x0 = clampX(Math.round(x * scale));
        int x1 = clampX(Math.round((x + w) * scale));
        int y0 = clampY(Math.round(y * scale));
        int y1 = clampY(Math.round((y + h) * scale));
        for (int row = y0; row < y1; row++) {
            for (int col = x0; col < x1; col++) {
                blend(col, row, argb, alpha);
            }
        }
    }

    /** A line two device pixels wide: the same line again, one pixel across. */
    public void boldLine(double ax, double ay, double bx, double by, int argb, double alpha, double dash, double gap) {
        line(ax, ay, bx, by, argb, alpha, dash, gap);
        double one = 1 / scale;
        boolean steep = Math.abs(by - ay) > Math.abs(bx - ax);
        if (steep) {
            line(ax + one, ay, bx + one, by, argb, alpha, dash, gap);
        } else {
            line(ax, ay + one, bx, by + one, argb, alpha, dash, gap);
        }
    }

    /** A dashed one-pixel outline. */
    public void dashedRect(double x, double y, double w, double h, int argb, double dash, double gap) {
        line(x, y, x + w, y, argb, 1, dash, gap);
        line(x + w, y, x + w, y + h, argb, 1, dash, gap);
        line(x + w, y + h, x, y + h, argb, 1, dash, gap);
        line(x, y + h, x, y, argb, 1, dash, gap);
    }

    private void blendChecked(int x, int y, int argb, double a) {
        if (x >= 0 && y >= 0 && x < width && y < height && a > 0) {
            blend(x, y, argb, a);
        }
    }

    private void blend(int x, int y, int argb, double a) {
        int i = y * width + x;
        int d = px[i];
        int k = (int) Math.round(Math.min(1, a) * 256);
        int r = mix((d >> 16) & 0xff, (argb >> 16) & 0xff, k);
        int g = mix((d >> 8) & 0xff, (argb >> 8) & 0xff, k);
        int b = mix(d & 0xff, argb & 0xff, k);
        px[i] = 0xff000000 | (r << 16) | (g << 8) | b;
    }

    private static int mix(int dst, int src, int k) {
        return dst + (((src - dst) * k) >> 8);
    }

    private int clampX(long v) {
        return (int) Math.max(0, Math.min(width, v));
    }

    private int clampY(long v) {
        return (int) Math.max(0, Math.min(height, v));
    }
}
