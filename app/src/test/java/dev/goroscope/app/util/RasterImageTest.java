package dev.goroscope.app.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Rasters take turns per size, and a size switched away from and back to keeps its pixels. */
@ExtendWith(ApplicationExtension.class)
class RasterImageTest {
    @Start
    void start(Stage stage) {
        // the toolkit is up; nothing to show
    }

    @Test
    void aViewSwitchingBetweenTwoHeightsKeepsEachHeightsRasters() {
        Fx.run(() -> {
            Canvas canvas = new Canvas(100, 80);
            RasterImage img = new RasterImage();
            Raster a1 = img.next(canvas, 100, 80);
            a1.clear(0xff112233);
            Raster a2 = img.next(canvas, 100, 80);
            assertThat(a2).isNotSameAs(a1);
            assertThat(img.previous()).isSameAs(a1);
            a2.clear(0xff445566);
            // the layout makes it shorter for two frames, then tall again
            Raster b1 = img.next(canvas, 100, 60);
            Raster b2 = img.next(canvas, 100, 60);
            assertThat(b1).isNotIn(a1, a2);
            assertThat(b2).isNotIn(a1, a2, b1);
            Raster again = img.next(canvas, 100, 80);
            assertThat(again).isSameAs(a1);
            assertThat(again.at(5, 5)).as("its pixels from two frames of this size ago").isEqualTo(0xff112233);
            assertThat(img.previous()).isSameAs(a2);
            img.draw(canvas.getGraphicsContext2D(), 100, 80);
            // a third size takes the pair used longest ago
            Raster c = img.next(canvas, 90, 60);
            assertThat(c).isIn(b1, b2);
            assertThat(c.width()).isEqualTo(90);
        });
    }
}
