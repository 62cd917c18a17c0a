package dev.goroscope.app.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things go in the heap view for one canvas size: the legend along the top, the roots in a
 * column on the left, the heap grid in the middle (the {@link HeapPlan}'s rows, grouped by size
 * class, each row wrapped to the same number of columns), and the grey queue along the bottom.
 * The cell size is the largest that fits every row of the plan, from big labelled boxes for a
 * lesson's handful of objects down to a few pixels for 5,000; since the plan covers the whole
 * run, the geometry is the same at every step. Plain arithmetic, no toolkit.
 */
final class HeapGeometry {
    /** Cells at least this many font sizes wide carry labels and arrowheads. */
    static final double LABELLED = 3.2;

    final double width;
    final double height;
    final double font;
    final double legendH;
    final double queueTop;
    final double rootX;
    final double rootW;
    final double rootTop;
    final double rootBottom;
    final double heapX;
    final double heapY;
    final double heapW;
    final double heapH;
    /** What it was made for: the plan's rows (that list) and the legend's lines. */
    private final List<HeapPlan.Row> rows;
    private final int legendLines;
    /** Cell size and gaps. */
    double cw;
    double ch;
    double gx;
    double gy;
    int columns;
    boolean labelled;
    boolean bandLabels;
    /** Per plan row: the y of its first line. */
    double[] rowY = new double[0];
    /** Size-class headings: y, and the plan row they head. */
    final List<double[]> bands = new ArrayList<>();

    HeapGeometry(double width, double height, double font, List<HeapPlan.Row> rows) {
        this(width, height, font, rows, 1);
    }

    /** {@code legendLines}: 2 when the phase and the key do not fit on one line. */
    HeapGeometry(double width, double height, double font, List<HeapPlan.Row> rows, int legendLines) {
        this.width = width;
        this.height = height;
        this.font = font;
        this.rows = rows;
        this.legendLines = legendLines;
        double pad = font * 0.8;
        legendH = font * (1.3 * legendLines + 1.3);
        queueTop = height - font * 3.6;
        rootX = pad;
        rootW = Math.min(font * 12, Math.max(font * 6, width * 0.2));
        rootTop = legendH + font * 1.6;
        rootBottom = queueTop - pad;
        heapX = rootX + rootW + font * 3.5;
        heapY = legendH + pad;
        heapW = Math.max(10, width - heapX - pad);
        heapH = Math.max(10, queueTop - pad - heapY);
        fit(rows);
    }

    /**
     * Whether this is the geometry for these inputs: the same size, font and legend lines, and the
     * very same list of rows (a plan's rows are a new list whenever they change). The painter then
     * keeps it from frame to frame instead of fitting the cells again.
     */
    boolean isFor(double width, double height, double font, List<HeapPlan.Row> rows, int legendLines) {
        return this.width == width && this.height == height && this.font == font && this.rows == rows
                && this.legendLines == legendLines;
    }

    private void fit(List<HeapPlan.Row> rows) {
        int widest = 1;
        for (HeapPlan.Row r : rows) {
            widest = Math.max(widest, r.slots());
        }
        // Labelled cells first, with a lesson's short rows on one line (a wrapped row of a few
        // objects reads less well); if no labelled size fits that way, labelled cells with the
        // rows wrapped, which still beats unlabelled squares; then smaller cells, any rows wrapped.
        for (int pass = 0; pass < 2; pass++) {
            for (double size = font * 8; size >= font * LABELLED; size *= 0.92) {
                place(size, rows);
                boolean whole = pass == 1 || columns >= widest || widest > 8;
                double used = contentHeight(rows);
                if (whole && used <= heapH) {
                    spread(rows, used);
                    return;
                }
            }
        }
        double size = font * LABELLED;
        while (true) {
            place(size, rows);
            if (size <= 2 || contentHeight(rows) <= heapH) {
                return;
            }
            size *= 0.92;
        }
    }

    /** Spare height opens the gaps between labelled lines, where arrows run and callouts fit. */
    private void spread(List<HeapPlan.Row> rows, double used) {
        int lines = 0;
        for (HeapPlan.Row r : rows) {
            lines += (r.slots() + columns - 1) / columns;
        }
        gy += Math.min((heapH - used) / Math.max(1, lines), font * 3.4);
        contentHeight(rows);
    }

    private void place(double size, List<HeapPlan.Row> rows) {
        cw = size;
        labelled = size >= font * LABELLED;
        ch = labelled ? Math.max(font * 2.5, Math.min(font * 3.4, size * 0.5)) : size;
        gx = labelled ? size * 0.5 : Math.max(1, size * 0.3);
        gy = labelled ? ch * 0.75 : Math.max(1, size * 0.3);
        columns = Math.max(1, (int) ((heapW + gx) / (cw + gx)));
        bandLabels = size >= font * 1.4;
    }

    private double contentHeight(List<HeapPlan.Row> rows) {
        rowY = new double[rows.size()];
        bands.clear();
        double y = heapY;
        int cls = Integer.MIN_VALUE;
        double bandGap = bandLabels ? font * 1.5 : gy;
        for (int r = 0; r < rows.size(); r++) {
            HeapPlan.Row row = rows.get(r);
            if (row.sizeClass() != cls) {
                cls = row.sizeClass();
                if (r > 0) {
                    y += bandGap * 0.5;
                }
                bands.add(new double[] {y, r});
                if (bandLabels) {
                    y += font * 1.5;
                }
            }
            rowY[r] = y;
            int lines = (row.slots() + columns - 1) / columns;
            y += lines * (ch + gy);
        }
        return y - heapY;
    }

    /** The faint band behind each line of each plan row (the page its slots live in): x, y, w, h. */
    List<double[]> rowBands(List<HeapPlan.Row> rows) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int slots = rows.get(r).slots();
            int lines = (slots + columns - 1) / columns;
            double y = rowY[r] - gy * 0.3;
            for (int l = 0; l < lines; l++) {
                int n = Math.min(columns, slots - l * columns);
                out.add(new double[] {heapX - gx * 0.3, y + l * (ch + gy), n * (cw + gx) - gx * 0.4, ch + gy * 0.6});
            }
        }
        return out;
    }

    /** Left edge of a cell. */
    double cellX(HeapPlan.Cell c) {
        return heapX + (c.column() % columns) * (cw + gx);
    }

    /** Top edge of a cell. */
    double cellY(HeapPlan.Cell c) {
        return rowY[c.row()] + (c.column() / columns) * (ch + gy);
    }

    /** How many root boxes fit, and their height. */
    double rootH() {
        return font * 2.5;
    }

    int rootsShown(int roots) {
        double step = rootH() + font * 0.6;
        int fit = Math.max(1, (int) ((rootBottom - rootTop + font * 0.6) / step));
        return roots <= fit ? roots : Math.max(0, fit - 1);
    }

    double rootY(int i) {
        return rootTop + i * (rootH() + font * 0.6);
    }
}
