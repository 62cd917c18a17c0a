package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scrubber's marks and GC bands agree with a scan of the whole timeline. */
class MarkersTest {
    @Test
    void everyMarkedKindLandsInTheRightColumn() {
        Timeline t = Runs.lesson("05-stack-shrink");
        int columns = 300;
        boolean[][] hits = Markers.columns(t, t.size(), columns);
        for (int k = 0; k < Markers.KINDS.size(); k++) {
            EventKind kind = Markers.KINDS.get(k);
            boolean[] expected = new boolean[columns];
            for (long i = 0; i < t.size(); i++) {
                if (t.get(i).kind() == kind) {
                    expected[(int) Math.min(columns - 1, i * columns / t.size())] = true;
                }
            }
            assertThat(hits[k]).as("%s", kind).isEqualTo(expected);
        }
    }

    @Test
    void gcBandsAreOnePerCycleInOrder() {
        Timeline t = Runs.lesson("05-stack-shrink");
        List<Markers.Band> bands = Markers.gcBands(t, t.size());
        assertThat(bands).isNotEmpty();
        for (int k = 0; k < bands.size(); k++) {
            Markers.Band b = bands.get(k);
            assertThat(b.from()).isLessThan(b.to());
            if (k > 0) {
                assertThat(b.from()).isGreaterThan(bands.get(k - 1).to());
                assertThat(b.cycle()).isEqualTo(bands.get(k - 1).cycle() + 1);
            }
        }
    }
}
