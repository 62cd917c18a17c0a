package dev.goroscope.engine.event;

/** Where the runtime sends its events: a timeline, a printer, a counter. */
@FunctionalInterface
public interface EventSink {
    void emit(Event e);

    /** A sink that drops everything. */
    EventSink NONE = e -> { };
}
