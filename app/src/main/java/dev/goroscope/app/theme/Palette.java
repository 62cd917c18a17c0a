package dev.goroscope.app.theme;

import javafx.scene.paint.Color;

/**
 * The colours the canvas painters use, one set per theme. The runtime's meanings get the
 * Okabe-Ito colours (distinct for the common colour-vision deficiencies) and never rely on colour
 * alone: the tri-colour states also differ in fill pattern and outline.
 */
public record Palette(boolean dark, Color background, Color panel, Color text, Color muted, Color grid,
                      Color stackFree, Color stackUsed, Color frameA, Color frameB, Color frameText, Color guard,
                      Color highWater, Color limit, Color accent, Color objectWhite, Color objectGrey,
                      Color objectBlack, Color edge, Color shade) {

    /** Okabe-Ito. */
    static final Color ORANGE = Color.web("#E69F00");
    static final Color SKY = Color.web("#56B4E9");
    static final Color GREEN = Color.web("#009E73");
    static final Color BLUE = Color.web("#0072B2");
    static final Color VERMILLION = Color.web("#D55E00");
    static final Color PURPLE = Color.web("#CC79A7");

    public static final Palette LIGHT = new Palette(false, Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#1f2328"), Color.web("#59636e"), Color.web("#d1d9e0"), Color.web("#ffffff"),
            Color.web("#cfe6f7"), Color.web("#9ccbea"), Color.web("#b9dbf1"), Color.web("#0b2a40"), VERMILLION,
            ORANGE, VERMILLION, BLUE, Color.web("#ffffff"), Color.web("#9a9a9a"), Color.web("#1f2328"),
            Color.web("#59636e"), ORANGE);

    public static final Palette DARK = new Palette(true, Color.web("#0d1117"), Color.web("#151b23"),
            Color.web("#f0f6fc"), Color.web("#9198a1"), Color.web("#3d444d"), Color.web("#0d1117"),
            Color.web("#12324a"), Color.web("#1f5f8b"), Color.web("#184d72"), Color.web("#e6f2fb"), VERMILLION,
            ORANGE, VERMILLION, SKY, Color.web("#f0f6fc"), Color.web("#8b949e"), Color.web("#30363d"),
            Color.web("#9198a1"), ORANGE);
}
