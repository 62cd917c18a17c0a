package dev.goroscope.app.stacks;

import java.util.List;

/**
 * One goroutine's stack as the stacks view draws it, or a group of goroutines summarised as one
 * column ({@code count > 1}: the same entry function and state).
 *
 * @param title     {@code G1 main.main}, or {@code 1000 × main.unused}
 * @param state     {@code running}, {@code waiting: chan receive}, ...
 * @param size      bytes of the stack ({@code hi - lo}); 0 once freed
 * @param used      bytes in use ({@code hi - sp})
 * @param highWater the most bytes used since the stack was last copied
 * @param frames    newest last; runs of one function collapsed
 * @param count     goroutines in this column
 * @param totalSize bytes of all their stacks
 * @param current   the goroutine the last event was about (highlighted)
 */
public record StackColumn(long gid, String title, String state, long size, long used, long highWater,
                          List<FrameBand> frames, int count, long totalSize, boolean current) {
    public StackColumn {
        frames = List.copyOf(frames);
    }

    /**
     * A band of the used part: {@code count} frames of one function, {@code bytes} in all.
     *
     * @param offset bytes from the top of the stack ({@code hi}) to the band's start
     */
    public record FrameBand(String function, int count, long bytes, long offset) {}
}
