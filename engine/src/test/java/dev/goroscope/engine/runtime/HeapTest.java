package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeapTest {
    private static final long BASE = Sys.ARENA_BASE;

    private final List<Event> events = new ArrayList<>();
    private final PageHeap pages = new PageHeap(64L << 20, events::add);
    private final Heap heap = new Heap(pages, events::add);

    private HeapObject alloc(long size, int nptrs) {
        return heap.mallocgc(size, nptrs, "main.T", false, 1);
    }

    private <E extends Event> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    private int indexOf(Class<? extends Event> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** One GC cycle's end: marks {@code live}, then sweepgen += 2. */
    private void markAndStartSweep(HeapObject... live) {
        for (HeapObject o : live) {
            o.marked = true;
            o.scanned = true;
        }
        heap.startSweepCycle();
    }

    @Test
    void smallObjectsGetConsecutiveSlotsOfTheirClass() {
        HeapObject a = alloc(33, 1);
        HeapObject b = alloc(40, 2);
        assertThat(a.sizeClass).isEqualTo(5);
        assertThat(a.elemSize).isEqualTo(48);
        assertThat(a.addr).isEqualTo(BASE);
        assertThat(b.addr).isEqualTo(BASE + 48);
        assertThat(heap.spanCount()).isEqualTo(1);
        assertThat(pages.heapInuse()).isEqualTo(8192);
        HeapEvent.SpanAllocated sa = eventsOf(HeapEvent.SpanAllocated.class).get(0);
        assertThat(sa).isEqualTo(new HeapEvent.SpanAllocated(BASE, 1, Span.Kind.HEAP_SMALL, 5));
        assertThat(indexOf(HeapEvent.SpanAllocated.class)).isLessThan(indexOf(HeapEvent.ObjectAllocated.class));
        assertThat(eventsOf(HeapEvent.ObjectAllocated.class)).containsExactly(
                new HeapEvent.ObjectAllocated(BASE, 33, 48, 5, 1, "main.T", false, 1),
                new HeapEvent.ObjectAllocated(BASE + 48, 40, 48, 5, 2, "main.T", false, 1));
    }

    @Test
    void pointerFreeObjectsLiveInTheirOwnSpans() {
        HeapObject scan = alloc(48, 1);
        HeapObject noscan = alloc(48, 0);
        assertThat(noscan.addr - scan.addr).isEqualTo(8192);
        assertThat(heap.heapSpanOf(noscan.addr).noscan()).isTrue();
        assertThat(heap.heapSpanOf(scan.addr).noscan()).isFalse();
    }

    @Test
    void aFullSpanIsFollowedByANewOneAndAddressesStayDistinct() {
        List<HeapObject> objs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            objs.add(alloc(1000, 0));
        }
        assertThat(objs).extracting(o -> o.addr).doesNotHaveDuplicates();
        for (int i = 0; i < 8; i++) {
            assertThat(objs.get(i).addr).isEqualTo(BASE + i * 1024L);
            assertThat(heap.heapSpanOf(objs.get(i).addr).base()).isEqualTo(BASE);
        }
        assertThat(objs.get(8).addr).isEqualTo(BASE + 8192);
        assertThat(heap.spanCount()).isEqualTo(2);
        assertThat(heap.heapSpanOf(BASE).allocCount()).isEqualTo(8);
        assertThat(pages.heapInuse()).isEqualTo(2 * 8192);
    }

    @Test
    void findObjectResolvesInteriorPointers() {
        HeapObject a = alloc(33, 0);
        HeapObject b = alloc(33, 0);
        assertThat(heap.findObject(a.addr)).isSameAs(a);
        assertThat(heap.findObject(a.addr + 47)).isSameAs(a);
        assertThat(heap.findObject(a.addr + 48)).isSameAs(b);
        assertThat(heap.findObject(b.addr + 48)).isNull(); // free slot
        assertThat(heap.findObject(BASE - 8)).isNull();
        assertThat(heap.findObject(BASE + (4L << 20))).isNull();
        // class 24 B: 341 slots, the last 8 bytes of the page are tail waste
        HeapObject c = alloc(24, 0);
        HeapSpan s = heap.heapSpanOf(c.addr);
        assertThat(heap.findObject(s.base() + 341 * 24)).isNull();
    }

    @Test
    void largeObjectsGetWholePages() {
        HeapObject big = heap.mallocgc(40_000, 3, "[5000]byte", false, 7);
        assertThat(big.sizeClass).isZero();
        assertThat(big.elemSize).isEqualTo(5 * 8192);
        assertThat(heap.findObject(big.addr + 39_999)).isSameAs(big);
        assertThat(heap.findObject(big.addr + 40_959)).isSameAs(big);
        assertThat(eventsOf(HeapEvent.SpanAllocated.class))
                .containsExactly(new HeapEvent.SpanAllocated(big.addr, 5, Span.Kind.HEAP_LARGE, 0));
        assertThat(heap.heapAlloc()).isEqualTo(40_960);
        assertThat(pages.heapInuse()).isEqualTo(40_960);
        markAndStartSweep();
        heap.finishSweep();
        assertThat(heap.heapAlloc()).isZero();
        assertThat(pages.heapInuse()).isZero();
        assertThat(eventsOf(HeapEvent.SpanFreed.class)).hasSize(1);
    }

    @Test
    void statisticsAreExactAcrossAllocMarkAndSweep() {
        List<HeapObject> objs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            objs.add(alloc(100, 2)); // 112 B slots
        }
        objs.get(3).fields[1] = objs.get(4).addr;
        assertThat(heap.heapAlloc()).isEqualTo(1120);
        assertThat(heap.heapLive()).isEqualTo(1120);
        markAndStartSweep(objs.get(0), objs.get(1), objs.get(2), objs.get(9));
        assertThat(heap.heapAlloc()).isEqualTo(1120); // garbage counts until swept
        assertThat(heap.sweepDone()).isFalse();
        heap.finishSweep();
        assertThat(heap.sweepDone()).isTrue();
        assertThat(heap.heapAlloc()).isEqualTo(4 * 112);
        assertThat(heap.heapObjects()).isEqualTo(4);
        assertThat(heap.mallocs()).isEqualTo(10);
        assertThat(heap.frees()).isEqualTo(6);
        assertThat(heap.totalAlloc()).isEqualTo(1120);
        GcEvent.SpanSwept sw = eventsOf(GcEvent.SpanSwept.class).get(0);
        assertThat(sw.survivors()).isEqualTo(4);
        assertThat(sw.gid()).isZero();
        assertThat(sw.freed()).extracting(GcEvent.FreedObject::addr)
                .containsExactly(BASE + 3 * 112, BASE + 4 * 112, BASE + 5 * 112, BASE + 6 * 112,
                        BASE + 7 * 112, BASE + 8 * 112);
        GcEvent.FreedObject f3 = sw.freed().get(0);
        assertThat(f3.fields()).containsExactly(0, objs.get(4).addr);
        assertThat(f3.elemSize()).isEqualTo(112);
        assertThat(f3.lost()).isFalse();
        objs.get(3).fields[1] = 0;
        assertThat(f3.fields()[1]).isEqualTo(objs.get(4).addr); // a copy
        assertThat(heap.findObject(objs.get(3).addr)).isNull();
        heap.setHeapLive(4 * 112);
        alloc(100, 0);
        assertThat(heap.heapLive()).isEqualTo(5 * 112);
    }

    @Test
    void survivorsTurnWhite() {
        HeapObject a = alloc(16, 0);
        markAndStartSweep(a);
        assertThat(a.isBlack()).isTrue();
        heap.finishSweep();
        assertThat(a.isWhite()).isTrue();
        assertThat(a.scanned).isFalse();
        assertThat(heap.findObject(a.addr)).isSameAs(a);
    }

    @Test
    void emptySpansGoBackToThePageHeapAfterTheirSweepEvent() {
        alloc(64, 0);
        alloc(64, 0);
        assertThat(pages.heapInuse()).isEqualTo(8192);
        markAndStartSweep();
        assertThat(heap.sweepOne(3)).isTrue();
        assertThat(heap.sweepOne(3)).isFalse();
        assertThat(pages.heapInuse()).isZero();
        assertThat(pages.heapIdle()).isEqualTo(4L << 20);
        assertThat(heap.spanCount()).isZero();
        int swept = indexOf(GcEvent.SpanSwept.class);
        int freed = indexOf(HeapEvent.SpanFreed.class);
        assertThat(swept).isNotNegative().isLessThan(freed);
        assertThat(events.get(freed)).isEqualTo(new HeapEvent.SpanFreed(BASE, 1, Span.Kind.HEAP_SMALL, 6));
    }

    @Test
    void allocationSweepsItsClassLazilyBeforeReusingASlot() {
        List<HeapObject> objs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            objs.add(alloc(1024, 0));
        }
        markAndStartSweep(objs.subList(0, 7).toArray(new HeapObject[0]));
        events.clear();
        HeapObject n = heap.mallocgc(1024, 0, "main.U", false, 5);
        assertThat(n.addr).isEqualTo(objs.get(7).addr); // the swept slot, no new span
        assertThat(eventsOf(HeapEvent.SpanAllocated.class)).isEmpty();
        assertThat(events).hasSize(2);
        GcEvent.SpanSwept sw = (GcEvent.SpanSwept) events.get(0);
        assertThat(sw.gid()).isEqualTo(5);
        assertThat(sw.freed()).hasSize(1);
        assertThat(sw.survivors()).isEqualTo(7);
        assertThat(events.get(1)).isInstanceOf(HeapEvent.ObjectAllocated.class);
        assertThat(heap.sweepDone()).isTrue();
    }

    @Test
    void aSweptFullSpanMakesAllocationGrowTheHeap() {
        List<HeapObject> objs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            objs.add(alloc(1024, 0));
        }
        markAndStartSweep(objs.toArray(new HeapObject[0]));
        HeapObject n = alloc(1024, 0);
        assertThat(n.addr).isEqualTo(BASE + 8192);
        assertThat(heap.sweepDone()).isTrue();
        assertThat(eventsOf(GcEvent.SpanSwept.class)).singleElement()
                .satisfies(sw -> assertThat(sw.survivors()).isEqualTo(8));
    }

    @Test
    void newSpansReclaimGarbageSpansFirst() {
        HeapObject a = alloc(1024, 0); // span at BASE, class 32
        alloc(2048, 0);                 // span at BASE + 8192, class 38
        markAndStartSweep();
        events.clear();
        HeapObject b = heap.mallocgc(4096, 0, "main.Big", false, 9); // class 44, one page
        assertThat(b.addr).isEqualTo(a.addr); // the reclaimed page is reused
        assertThat(events.get(0)).isInstanceOf(GcEvent.SpanSwept.class);
        assertThat(((GcEvent.SpanSwept) events.get(0)).gid()).isEqualTo(9);
        assertThat(events.get(1)).isEqualTo(new HeapEvent.SpanFreed(BASE, 1, Span.Kind.HEAP_SMALL, 32));
        assertThat(heap.unsweptSpans()).isEqualTo(1); // one page was asked for, one reclaimed
    }

    @Test
    void lostObjectsAreQuarantinedAndReported() {
        HeapObject keep = alloc(16, 1);
        HeapObject lost = alloc(16, 1);
        lost.fields[0] = keep.addr;
        lost.lost = true;
        markAndStartSweep(keep);
        heap.finishSweep();
        GcEvent.FreedObject f = eventsOf(GcEvent.SpanSwept.class).get(0).freed().get(0);
        assertThat(f.lost()).isTrue();
        assertThat(heap.findObject(lost.addr)).isNull();
        assertThat(heap.lostObjectAt(lost.addr + 8)).isSameAs(f);
        assertThat(heap.lostObjectAt(keep.addr)).isNull();
        assertThat(heap.frees()).isEqualTo(1);
        assertThat(heap.heapAlloc()).isEqualTo(16);
        HeapObject next = alloc(16, 1);
        assertThat(next.addr).isEqualTo(lost.addr + 16); // the quarantined slot is skipped
    }

    @Test
    void aSpanHoldingOnlyAQuarantinedSlotIsKept() {
        HeapObject lost = alloc(40_000, 0);
        lost.lost = true;
        markAndStartSweep();
        heap.finishSweep();
        assertThat(heap.spanCount()).isEqualTo(1);
        assertThat(pages.heapInuse()).isEqualTo(40_960);
        assertThat(eventsOf(HeapEvent.SpanFreed.class)).isEmpty();
        assertThat(heap.lostObjectAt(lost.addr + 30_000).typeName()).isEqualTo("main.T");
        markAndStartSweep();
        heap.finishSweep();
        assertThat(eventsOf(GcEvent.SpanSwept.class)).hasSize(1); // nothing to say the second time
    }

    @Test
    void objectsAllocatedDuringMarkAreBlackAndSurviveOnce() {
        HeapObject b = heap.mallocgc(24, 0, "main.T", true, 1);
        assertThat(b.isBlack()).isTrue();
        assertThat(eventsOf(HeapEvent.ObjectAllocated.class).get(0).black()).isTrue();
        heap.startSweepCycle();
        heap.finishSweep();
        assertThat(b.isWhite()).isTrue();
        assertThat(heap.heapObjects()).isEqualTo(1);
        heap.startSweepCycle();
        heap.finishSweep();
        assertThat(heap.heapObjects()).isZero();
    }

    @Test
    void sweepOneGoesInAddressOrder() {
        alloc(8, 0);
        alloc(16, 0);
        alloc(40_000, 0);
        assertThat(heap.spanCount()).isEqualTo(3);
        markAndStartSweep();
        assertThat(heap.sweepgen()).isEqualTo(2);
        while (heap.sweepOne(0)) {
            // sweep all
        }
        assertThat(eventsOf(GcEvent.SpanSwept.class)).extracting(GcEvent.SpanSwept::base)
                .containsExactly(BASE, BASE + 8192, BASE + 2 * 8192);
    }

    @Test
    void startingASweepCycleBeforeTheLastOneFinishedIsAnError() {
        alloc(8, 0);
        heap.startSweepCycle();
        assertThatThrownBy(heap::startSweepCycle).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pointerFieldsMustFitInTheObject() {
        assertThatThrownBy(() -> alloc(8, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alloc(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(alloc(16, 2).nptrs()).isEqualTo(2);
        HeapObject z = alloc(0, 0);
        assertThat(z.elemSize).isEqualTo(8);
    }

    @Test
    void runningOutOfMachineMemoryIsAGoFatalError() {
        Heap small = new Heap(new PageHeap(4L << 20, events::add), events::add);
        assertThatThrownBy(() -> small.mallocgc(5L << 20, 0, "[]byte", false, 1))
                .isInstanceOf(GoFatal.class)
                .satisfies(e -> assertThat(((GoFatal) e).reason()).isEqualTo("out of memory"));
    }

    @Test
    void forEachObjectVisitsObjectsInAddressOrder() {
        HeapObject big = alloc(40_000, 0);
        HeapObject a = alloc(8, 0);
        HeapObject b = alloc(8, 0);
        List<HeapObject> seen = new ArrayList<>();
        heap.forEachObject(seen::add);
        assertThat(seen).containsExactly(big, a, b);
    }
}
