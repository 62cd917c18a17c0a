package dev.goroscope.engine.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Goroutine tracebacks in the runtime's layout. Go 1.19 prints the innermost 100 frames and
 * then "...additional frames elided..."; Go 1.21+ prints the innermost 50, a count of the
 * elided ones, and the outermost 50.
 */
final class Tracebacks {
    private Tracebacks() {}

    static List<String> goroutine(Goroutine g, GoProfile profile) {
        List<String> out = new ArrayList<>();
        out.add(profile.goroutineHeader(g.id, g.status == GStatus.COPYSTACK ? "running" : g.status.tracebackWord()));
        int n = g.frames.size();
        if (profile == GoProfile.GO_1_19) {
            for (int i = n - 1; i >= Math.max(0, n - 100); i--) {
                out.add(g.frames.get(i).fn.name() + "(...)");
            }
            if (n > 100) {
                out.add("...additional frames elided...");
            }
        } else {
            int inner = Math.min(n, 50);
            for (int i = n - 1; i >= n - inner; i--) {
                out.add(g.frames.get(i).fn.name() + "(...)");
            }
            int rest = n - inner;
            if (rest > 50) {
                out.add("..." + (rest - 50) + " frames elided...");
                rest = 50;
            }
            for (int i = rest - 1; i >= 0; i--) {
                out.add(g.frames.get(i).fn.name() + "(...)");
            }
        }
        if (g.parentId > 0) {
            out.add("created by " + g.entry);
        }
        return out;
    }
}
