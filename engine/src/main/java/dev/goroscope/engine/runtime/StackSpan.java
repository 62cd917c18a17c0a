package dev.goroscope.engine.runtime;

/**
 * A stack span ({@code mSpanManual}): either a 32 KiB pool span carved into stacks of one order
 * with a free list, or a large span holding one stack.
 */
final class StackSpan extends Span {
    /** Stack order (log2(size / fixedStack)) for pool spans; -1 for large spans. */
    final int order;
    /** {@code manualFreeList}: free stack bases, LIFO as the runtime's linked list. */
    final LongStack freeList = new LongStack();
    /** {@code allocCount}: stacks handed out from this span. */
    int allocCount;
    /** Whether this span is on its order's pool list (it has free stacks). */
    boolean onPoolList;

    @Override
    public int sizeClass() {
        return Math.max(order, 0);
    }

    StackSpan(long base, long npages, Kind kind, int order) {
        super(base, npages, kind);
        this.order = order;
    }
}
