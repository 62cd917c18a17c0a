package dev.goroscope.app.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Counts read as String.format writes them, without its cost. */
class HeapTextTest {
    @Test
    void numbersAreGroupedInThousandsAsFormatGroupsThem() {
        for (long n : new long[] {0, 7, 42, 999, 1000, 1234, 12345, 123456, 1234567, 6010, 1_000_000, Long.MAX_VALUE,
            -5, -1234, -999_999, Long.MIN_VALUE}) {
            assertThat(HeapText.num(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        assertThat(HeapText.count(1, "object", "objects")).isEqualTo("1 object");
        assertThat(HeapText.count(6010, "object", "objects")).isEqualTo("6,010 objects");
    }
}
