package dev.goroscope.engine.runtime;

/**
 * The {@code GODEBUG=gctrace=1} line (§5):
 * {@code gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, #MB globals, # P}.
 * Times come from the simulation's virtual clock and the collector's modelled costs
 * ({@link GcCosts}), so they are modelled, not measured; the heap, goal, stack and globals
 * figures are the engine's real accounting. Also the {@code gcpacertrace=1} lines.
 */
final class GcTrace {
    private GcTrace() {}

    static String line(Collector gc, GoRuntime rt, long heap1) {
        Pacer p = gc.pacer;
        long now = rt.clock;
        long sweepTerm = gc.markStartNanos() - gc.startNanos();
        long mark = gc.markTermNanos() - gc.markStartNanos();
        long markTerm = now - gc.markTermNanos();
        int stwprocs = Math.min(gc.maxprocs(), rt.settings.ncpu());
        // gc_cpu_fraction: GC CPU (idle marking excluded) over the CPU of all Ps since the start.
        long pct = gc.totalGcCpu() * 100 / Math.max(now * gc.procs(), 1);
        long stacks = rt.settings.profile().gctraceStacksAreScanned() ? p.lastStackScan : rt.scannableStack();
        StringBuilder b = new StringBuilder();
        b.append("gc ").append(gc.cycle).append(" @").append(itoaDiv(gc.startNanos() / 1_000_000, 3)).append("s ")
                .append(pct).append("%: ")
                .append(ms(sweepTerm)).append('+').append(ms(mark)).append('+').append(ms(markTerm))
                .append(" ms clock, ")
                .append(ms(sweepTerm * stwprocs)).append('+').append(ms(p.assistTime)).append('/')
                .append(ms(p.dedicatedMarkTime + p.fractionalMarkTime)).append('/').append(ms(p.idleMarkTime))
                .append('+').append(ms(markTerm * stwprocs)).append(" ms cpu, ")
                .append(gc.heap0() >> 20).append("->").append(heap1 >> 20).append("->").append(gc.bytesMarked() >> 20)
                .append(" MB, ").append(p.lastHeapGoal >> 20).append(" MB goal, ")
                .append(stacks >> 20).append(" MB stacks, ").append(p.globalsScan >> 20).append(" MB globals, ")
                .append(gc.maxprocs()).append(" P");
        if (gc.forced()) {
            b.append(" (forced)");
        }
        return b.toString();
    }

    /**
     * {@code GODEBUG=gcpacertrace=1} at {@code startCycle}: the assist ratio, the scannable heap,
     * the heap at the start and the goal, the dedicated workers and the fractional goal.
     */
    static String pacerStart(Pacer p, long heap0, long goal) {
        return "pacer: assist ratio=" + printfloat(p.assistWorkPerByte) + " (scan " + (p.heapScan >> 20) + " MB in "
                + (heap0 >> 20) + "->" + (goal >> 20) + " MB) workers=" + p.dedicatedMarkWorkers + "+"
                + printfloat(p.fractionalUtilizationGoal);
    }

    /**
     * {@code GODEBUG=gcpacertrace=1} at {@code endCycle}: the utilization, the scan work done
     * (heap+stack+globals) and expected, the heap at the trigger and now, how far that is from
     * the goal, and the cons/mark estimate before this cycle's measurement.
     */
    static String pacerEnd(Pacer p, long expected, long heapLive) {
        return "pacer: " + (int) (p.lastUtilization * 100) + "% CPU (" + (int) (Sys.GC_BACKGROUND_UTILIZATION * 100)
                + " exp.) for " + p.heapScanWork + "+" + p.stackScanWork + "+" + p.globalsScanWork + " B work ("
                + expected + " B exp.) in " + p.triggered + " B -> " + heapLive + " B (\u2206goal "
                + (heapLive - p.lastHeapGoal) + ", cons/mark " + printfloat(p.lastConsMarkPrinted) + ")";
    }

    /** The runtime's {@code printfloat}, as the pacer's trace lines print their ratios. */
    static String printfloat(double v) {
        return PrintFloat.format(v);
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
