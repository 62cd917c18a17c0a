package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random allocate / mark / sweep cycles, checking the heap's bookkeeping against its contents. */
class HeapInvariantsTest {
    private static final long[] SIZES = {0, 8, 24, 33, 100, 416, 1000, 1408, 5000, 27000, 32768, 40_000, 100_000};

    @Test
    void statisticsAndLayoutStayConsistent() {
        for (long seed = 1; seed <= 20; seed++) {
            run(new Random(seed));
        }
    }

    private void run(Random rnd) {
        List<Event> events = new ArrayList<>();
        PageHeap pages = new PageHeap(256L << 20, events::add);
        Heap heap = new Heap(pages, events::add);
        long frees = 0;
        for (int cycle = 0; cycle < 6; cycle++) {
            int n = 50 + rnd.nextInt(300);
            for (int i = 0; i < n; i++) {
                long size = SIZES[rnd.nextInt(SIZES.length)];
                heap.mallocgc(size, (int) Math.min(size / 8, rnd.nextInt(4)), "T", false, 1);
                if (rnd.nextInt(50) == 0) {
                    heap.sweepOne(1);
                }
            }
            check(heap, pages);
            heap.finishSweep();
            heap.forEachObject(o -> {
                int r = rnd.nextInt(10);
                o.marked = r < 4;
                o.scanned = o.marked;
                o.lost = r == 9;
            });
            heap.startSweepCycle();
            check(heap, pages);
        }
        heap.finishSweep();
        check(heap, pages);
        for (Event e : events) {
            if (e instanceof GcEvent.SpanSwept sw) {
                frees += sw.freed().size();
            }
        }
        assertThat(heap.frees()).isEqualTo(frees);
        long allocated = events.stream().filter(e -> e instanceof HeapEvent.ObjectAllocated).count();
        assertThat(heap.mallocs()).isEqualTo(allocated);
    }

    private static void check(Heap heap, PageHeap pages) {
        List<HeapObject> all = new ArrayList<>();
        heap.forEachObject(all::add);
        assertThat(heap.heapObjects()).isEqualTo(all.size());
        assertThat(heap.mallocs() - heap.frees()).isEqualTo(all.size());
        assertThat(heap.heapAlloc()).isEqualTo(all.stream().mapToLong(o -> o.elemSize).sum());
        long spanBytes = all.stream().map(o -> heap.heapSpanOf(o.addr)).distinct().mapToLong(Span::bytes).sum();
        assertThat(pages.heapInuse()).isGreaterThanOrEqualTo(spanBytes);
        HeapObject prev = null;
        for (HeapObject o : all) {
            assertThat(o.elemSize).isGreaterThanOrEqualTo(Math.max(o.size, 8));
            assertThat(heap.findObject(o.addr + o.elemSize - 1)).isSameAs(o);
            assertThat(heap.lostObjectAt(o.addr)).isNull();
            if (prev != null) {
                assertThat(o.addr).isGreaterThanOrEqualTo(prev.limit());
            }
            prev = o;
        }
    }
}
