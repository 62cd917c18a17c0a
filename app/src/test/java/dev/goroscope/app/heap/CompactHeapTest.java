package dev.goroscope.app.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Raster;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The dense heap drawn frame after frame as the view draws it (two rasters taking turns, each
 * redrawn only where colours changed when nothing else did) gives, at every frame, exactly the
 * pixels of drawing that frame from nothing. No toolkit: rasters are plain arrays.
 */
class CompactHeapTest {
    static final String CHAINS = """
            package main

            import "runtime"

            type node struct {
            	val  int
            	next *node
            }

            var keep []*node

            func main() {
            	heads := make([]*node, 40)
            	keep = heads
            	for i := 0; i < 1200; i++ {
            		heads[i%40] = &node{val: i, next: heads[i%40]}
            	}
            	for i := 0; i < 40; i += 3 {
            		heads[i] = nil // garbage for the sweep
            	}
            	runtime.GC()
            	for i := 0; i < 200; i++ {
            		heads[i%40] = &node{val: i, next: heads[i%40]}
            	}
            	runtime.GC()
            }
            """;

    @Test
    void recolouringGivesTheSamePixelsAsDrawingEachFrameFromNothing() {
        Timeline t = Runs.of(CHAINS);
        Player player = new Player(t);
        SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(player.snapshot());
        HeapViewModel vm = new HeapViewModel(snap, () -> t);
        player.runToNext(EnumSet.of(EventKind.GC_PHASE));
        Raster[] rasters = {new Raster(), new Raster()};
        CompactHeap.Drawn[] drawn = {new CompactHeap.Drawn(), new CompactHeap.Drawn()};
        HeapGeometry geo = null;
        int frames = 0;
        int recoloured = 0;
        int full = 0;
        // every few events through the first cycle's mark and sweep, the allocations between the
        // cycles and the second cycle: colour-only frames and frames with new or freed objects
        for (long pos = player.position(); pos <= t.size(); pos += 5) {
            player.seek(pos);
            snap.set(player.snapshot());
            HeapScene s = vm.scene();
            if (geo == null || !geo.isFor(700, 500, 12, s.plan().rows(), 1)) {
                geo = new HeapGeometry(700, 500, 12, s.plan().rows(), 1);
            }
            assertThat(geo.labelled).as("small cells: %s objects, rows %s", s.objects().size(), s.plan().rows()).isFalse();
            int k = frames % 2;
            Raster r = rasters[k];
            r.resize(700, 500, 1);
            new CompactHeap(r, Palette.LIGHT, geo, s).paint(drawn[k], rasters[1 - k], drawn[1 - k]);
            Raster fresh = new Raster();
            fresh.resize(700, 500, 1);
            new CompactHeap(fresh, Palette.LIGHT, geo, s).paint();
            assertThat(r.pixels()).as("frame at %d", pos).isEqualTo(fresh.pixels());
            if (drawn[k].cellsDrawn < s.objects().size()) {
                recoloured++;
            } else {
                full++;
            }
            frames++;
        }
        assertThat(recoloured).as("frames only recoloured").isGreaterThan(frames / 2);
        assertThat(full).as("frames drawn in full (new or freed objects)").isGreaterThan(5);
    }
}
