package dev.goroscope.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two themes: AtlantaFX's Primer light or dark, Goroscope's stylesheet, and the canvas palette. */
public enum Theme {
    LIGHT(Palette.LIGHT),
    DARK(Palette.DARK);

    /** Goroscope's stylesheet, added to every scene. */
    public static final String STYLESHEET = Theme.class.getResource("goroscope.css").toExternalForm();

    private final Palette palette;

    Theme(Palette palette) {
        this.palette = palette;
    }

    public Palette palette() {
        return palette;
    }

    /** Makes this the application's user-agent stylesheet (every window follows). */
    public void apply() {
        Application.setUserAgentStylesheet(this == LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
