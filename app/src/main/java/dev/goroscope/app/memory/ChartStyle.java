package dev.goroscope.app.memory;

import dev.goroscope.app.memory.MemoryChart.BandKind;
import dev.goroscope.app.theme.Palette;
import javafx.scene.paint.Color;

/**
 * How each series and band of the memory chart looks, per theme. Lines differ in colour (the
 * Okabe-Ito set, safe for the common colour-vision deficiencies) and in dash pattern, so they
 * also read in greyscale; bands differ in tint and in hatching for the same reason.
 */
record ChartStyle(Palette palette) {
    private static final Color BLUE = Color.web("#0072B2");
    private static final Color SKY = Color.web("#56B4E9");
    private static final Color GREEN = Color.web("#009E73");
    private static final Color VERMILLION = Color.web("#D55E00");
    private static final Color PURPLE = Color.web("#CC79A7");
    private static final Color ORANGE = Color.web("#E69F00");

    Color colour(ChartSeries s) {
        boolean dark = palette.dark();
        return switch (s) {
            case HEAP_ALLOC -> dark ? SKY : BLUE;
            case NEXT_GC -> VERMILLION;
            case STACK_INUSE -> GREEN;
            case STACK_SYS -> palette.text();
            case GOROUTINES -> dark ? PURPLE : PURPLE.darker();
            case NUM_GC -> dark ? ORANGE : ORANGE.darker();
        };
    }

    /** Dash lengths relative to the line width; empty for a solid line. */
    double[] dashes(ChartSeries s) {
        return switch (s) {
            case HEAP_ALLOC, STACK_INUSE, GOROUTINES -> new double[0];
            case NEXT_GC -> new double[] {5, 3};
            case STACK_SYS -> new double[] {1, 3};
            case NUM_GC -> new double[] {5, 2, 1, 2};
        };
    }

    /** Drawn over its partner when they coincide (StackSys over StackInuse), so both show. */
    double width(ChartSeries s, double fontSize) {
        double w = Math.max(2, fontSize / 6);
        return s == ChartSeries.STACK_SYS ? w * 0.8 : w;
    }

    /**
     * A band's fill: strong in the GC lane, where it is the message; faint behind the lines, where
     * it is context and must not hide them.
     */
    Color tint(BandKind k, boolean lane) {
        Color ink = palette.dark() ? Color.WHITE : Color.BLACK;
        double a = switch (k) {
            case MARK -> lane ? 0.30 : 0.08;
            case MARK_TERMINATION -> lane ? 0.55 : 0.15;
            case SWEEP -> lane ? 0.40 : 0.13;
            case STOP_THE_WORLD -> lane ? 0.85 : 0.12;
        };
        if (k == BandKind.SWEEP) {
            return SKY.deriveColor(0, 1, 1, palette.dark() ? a * 0.8 : a);
        }
        return ink.deriveColor(0, 1, 1, palette.dark() ? a * 0.9 : a);
    }

    /** The hatching over a band in the GC lane (sweep only, so it differs from mark in greyscale). */
    Color hatch(BandKind k) {
        return k == BandKind.SWEEP ? SKY.deriveColor(0, 1, palette.dark() ? 1 : 0.7, 0.9) : null;
    }

    Color cursor() {
        return palette.text();
    }
}
