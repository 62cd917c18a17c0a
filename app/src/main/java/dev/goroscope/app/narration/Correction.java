package dev.goroscope.app.narration;

/**
 * Where a seed article's claim is wrong, and the truth, as {@code go-runtime-facts.md} §8 records
 * it (in Goroscope's own words).
 *
 * @param row   the row of §8
 * @param claim what the article says
 * @param fact  what the runtime does
 */
public record Correction(int row, String claim, String fact) {

    /** "Facts §8, row 2". */
    public String source() {
        return "go-runtime-facts.md §8, row " + row;
    }
}
