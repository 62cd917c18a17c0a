/**
 * The Goroscope simulation engine: a pure-Java model of the Go runtime's goroutine stacks,
 * heap and garbage collector, recorded as a step-able timeline of events, and a front end that
 * compiles Go programs onto it.
 *
 * <p>It depends on nothing but {@code java.base} ({@code java.management} only for the bench's heap
 * figure); the UI reads its immutable snapshots.
 */
module dev.goroscope.engine {
    requires java.management; // goroscope bench: the JVM heap a run needs
    exports dev.goroscope.engine.runtime;
    exports dev.goroscope.engine.event;
    exports dev.goroscope.engine.timeline;
    exports dev.goroscope.engine.cli;
    exports dev.goroscope.engine.lang;
    exports dev.goroscope.engine.lang.ast;
    exports dev.goroscope.engine.lang.types;
    exports dev.goroscope.engine.lang.check;
    exports dev.goroscope.engine.lang.gotool;
    exports dev.goroscope.engine.lang.interp;
    exports dev.goroscope.engine.lang.compile;
    exports dev.goroscope.engine.lang.vm;
}
