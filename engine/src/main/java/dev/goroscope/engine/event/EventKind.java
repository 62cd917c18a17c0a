package dev.goroscope.engine.event;

/**
 * The kinds of event a user can jump to ("run to next stack copy") and that the scrubber marks.
 */
public enum EventKind {
    GOROUTINE("goroutine"),
    SCHEDULE("scheduling"),
    FRAME("call/return"),
    STACK_GROW("stack growth"),
    STACK_SHRINK("stack shrink"),
    STACK_OVERFLOW("stack overflow"),
    STACK_FREE("stack freed"),
    SPAN("span"),
    ALLOC("allocation"),
    POINTER_WRITE("pointer write"),
    BARRIER_SHADE("write-barrier shade"),
    MARK("mark"),
    ROOT_SCAN("root scan"),
    SWEEP("sweep"),
    GC_PHASE("GC phase"),
    GC_CYCLE("GC cycle"),
    OUTPUT("output"),
    LINE("source line"),
    NARRATION("narration"),
    PAUSE("pause"),
    SETTING("setting"),
    FATAL("fatal error");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
