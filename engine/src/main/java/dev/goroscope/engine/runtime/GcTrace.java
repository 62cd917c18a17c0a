package dev.goroscope.engine.runtime;

/**
 * The {@code GODEBUG=gctrace=1} line (§5):
 * {@code gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, #MB globals, # P}.
 * Times come from the simulation's virtual clock, so they are modelled, not measured; the
 * heap, goal, stack and globals figures are the engine's real accounting.
 */
final class GcTrace {
    private GcTrace() {}

    static String line(Collector gc, GoRuntime rt, long heap1, long nextGoal) {
        long now = rt.clock;
        long sweepTerm = gc.markStartNanos() - gc.startNanos();
        long mark = gc.markTermNanos() - gc.markStartNanos();
        long markTerm = now - gc.markTermNanos();
        int stwprocs = Math.min(rt.settings.gomaxprocs(), 2);
        long total = Math.max(now, 1);
        long pct = (gc.gcCpuNanos() + (now - gc.startNanos())) * 100 / total / Math.max(rt.settings.gomaxprocs(), 1);
        long stacks = rt.settings.profile().gctraceStacksAreScanned() ? gc.stackScanWork() : rt.scannableStack();
        StringBuilder b = new StringBuilder();
        b.append("gc ").append(gc.cycle).append(" @").append(itoaDiv(gc.startNanos() / 1_000_000, 3)).append("s ")
                .append(pct).append("%: ")
                .append(ms(sweepTerm)).append('+').append(ms(mark)).append('+').append(ms(markTerm))
                .append(" ms clock, ")
                .append(ms(sweepTerm * stwprocs)).append('+').append(ms(0)).append('/')
                .append(ms((long) (mark * Sys.GC_BACKGROUND_UTILIZATION * rt.settings.gomaxprocs())))
                .append('/').append(ms(0)).append('+').append(ms(markTerm * stwprocs)).append(" ms cpu, ")
                .append(gc.heap0() >> 20).append("->").append(heap1 >> 20).append("->").append(gc.bytesMarked() >> 20)
                .append(" MB, ").append(gc.heapGoalOfCycle() >> 20).append(" MB goal, ")
                .append(stacks >> 20).append(" MB stacks, ").append(gc.pacer.globalsScan >> 20).append(" MB globals, ")
                .append(rt.settings.gomaxprocs()).append(" P");
        if (gc.forced()) {
            b.append(" (forced)");
        }
        return b.toString();
    }

    /** {@code fmtNSAsMS}: whole ms from 10 ms up, else two significant digits, at most 3 decimals. */
    static String ms(long ns) {
        if (ns >= 10_000_000) {
            return Long.toString(ns / 1_000_000);
        }
        long x = ns / 1000;
        if (x == 0) {
            return "0";
        }
        int dec = 3;
        while (x >= 100) {
            x /= 10;
            dec--;
        }
        return itoaDiv(x, dec);
    }

    /** {@code itoaDiv}: {@code val} with a decimal point {@code dec} digits from the right. */
    static String itoaDiv(long val, int dec) {
        String s = Long.toString(val);
        if (dec == 0) {
            return s;
        }
        while (s.length() <= dec) {
            s = "0" + s;
        }
        return s.substring(0, s.length() - dec) + "." + s.substring(s.length() - dec);
    }
}
