package dev.goroscope.engine.cli;

import java.util.List;

/** Timeline benchmarks (seek, step back); added with the timeline. */
final class TimelineBench {
    private TimelineBench() {}

    static List<Bench.Case> cases() {
        return List.of();
    }
}
