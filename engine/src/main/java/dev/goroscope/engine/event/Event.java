package dev.goroscope.engine.event;

/**
 * One thing the runtime did that a viewer can show. Events are immutable records; each carries
 * the figures needed both to narrate it and to undo it (the old value of whatever it changed),
 * so that a timeline can step backwards without re-running the program.
 */
public sealed interface Event permits StackEvent, HeapEvent, GcEvent, SchedEvent, ProgramEvent {
    /** Which kind of event this is, for "run to next" and scrubber markers. */
    EventKind kind();

    /** What happened and why, in plain words with the real figures. */
    String narration();
}
