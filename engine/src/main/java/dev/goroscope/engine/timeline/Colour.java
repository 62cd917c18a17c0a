package dev.goroscope.engine.timeline;

/** The tri-colour abstraction of the mark phase: unmarked, marked and queued, marked and scanned. */
public enum Colour {
    WHITE,
    GREY,
    BLACK
}
