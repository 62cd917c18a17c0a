package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;

/**
 * Mark assists ({@code gcAssistAlloc}, {@code gcAssistAlloc1}, {@code gcDrainN} in mgcmark.go;
 * go-runtime-facts.md §4.6): a goroutine that allocates during the mark phase pays for it with
 * scan work, on its own time.
 *
 * <p>Each goroutine carries {@code gcAssistBytes}, reset when a cycle starts: allocation debits
 * it, scan work credits it at the pacer's exchange rate ({@code assistBytesPerWork}). When it
 * goes negative the goroutine first steals background credit, then scans until it has done the
 * debt's worth of work but at least {@code gcOverAssistWork} (64 KiB), so one assist pays for
 * many allocations. Work comes in whole units: a grey object first, else the next root job,
 * whose work (all of the data and BSS segments, say) may far exceed what was asked; the surplus
 * is credit, and the goroutine then allocates that much more before it assists again. The
 * assist that finds no work left ends the mark phase ({@code gcMarkDone}).
 */
final class Assist {
    private final GoRuntime rt;
    private final Collector gc;

    Assist(GoRuntime rt, Collector gc) {
        this.rt = rt;
        this.gc = gc;
    }

    /** {@code mallocgc} during mark: {@code g} allocated {@code bytes}. */
    void allocated(Goroutine g, long bytes) {
        if (rt.gcphase != GcPhase.MARK || !rt.settings.backgroundMark() || gc.manual) {
            return;
        }
        Pacer p = gc.pacer;
        p.revise(rt.heap.heapLive(), rt::scannableStack);
        g.gcAssistBytes -= bytes;
        if (g.gcAssistBytes >= 0) {
            return;
        }
        long debt = -g.gcAssistBytes;
        long work = (long) (p.assistWorkPerByte * debt);
        if (work < Sys.GC_OVER_ASSIST_WORK) {
            work = Sys.GC_OVER_ASSIST_WORK;
            debt = (long) (p.assistBytesPerWork * work);
        }
        if (p.bgScanCredit > 0) {
            long stolen;
            if (p.bgScanCredit < work) {
                stolen = p.bgScanCredit;
                g.gcAssistBytes += 1 + (long) (p.assistBytesPerWork * stolen);
            } else {
                stolen = work;
                g.gcAssistBytes += debt;
            }
            p.bgScanCredit -= stolen;
            work -= stolen;
            if (work == 0) {
                return;
            }
        }
        long spent = 0;
        long done = 0;
        while (done < work) {
            long before = p.scanWork();
            long cost = gc.markUnit(g.id, true);
            if (cost < 0) {
                break;
            }
            done += p.scanWork() - before;
            rt.spend(cost);
            spent += cost;
        }
        g.gcAssistBytes += 1 + (long) (p.assistBytesPerWork * done);
        p.assistTime += spent;
        if (done > 0) {
            rt.sink.emit(new GcEvent.MarkAssist(g.id, debt, done));
        }
        if (!gc.hasMarkWork()) {
            gc.markDone();
        }
    }
}
