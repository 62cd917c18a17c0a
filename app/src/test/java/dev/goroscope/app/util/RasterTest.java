package dev.goroscope.app.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pixel buffer the dense heap view draws into: shapes land where they should, lines blend. */
class RasterTest {
    private static final int BG = 0xffffffff;
    private static final int INK = 0xff000000;

    private static Raster raster(double scale) {
        Raster r = new Raster();
        r.reset(20, 10, scale, BG);
        return r;
    }

    @Test
    void rectanglesFillExactlyTheirPixelsAndStayInside() {
        Raster r = raster(1);
        r.fillRect(2, 3, 4, 2, INK);
        assertThat(r.at(2, 3)).isEqualTo(INK);
        assertThat(r.at(5, 4)).isEqualTo(INK);
        assertThat(r.at(6, 4)).isEqualTo(BG);
        assertThat(r.at(2, 5)).isEqualTo(BG);
        r.fillRect(-5, -5, 100, 100, 0xff123456); // clipped, no exception
        assertThat(r.at(19, 9)).isEqualTo(0xff123456);
    }

    @Test
    void aCellNarrowerThanAPixelStillShows() {
        Raster r = raster(1);
        r.fillRect(4.1, 4.1, 0.3, 0.3, INK);
        assertThat(r.at(4, 4)).isEqualTo(INK);
    }

    @Test
    void outlinesAreHollowAndHalfFillsCoverTheTopLeftTriangle() {
        Raster r = raster(1);
        r.strokeRect(0, 0, 8, 8, INK);
        assertThat(r.at(0, 4)).isEqualTo(INK);
        assertThat(r.at(7, 4)).isEqualTo(INK);
        assertThat(r.at(4, 4)).isEqualTo(BG);
        Raster t = raster(1);
        t.fillTopLeftHalf(0, 0, 8, 8, INK);
        assertThat(t.at(1, 1)).isEqualTo(INK);
        assertThat(t.at(6, 6)).isEqualTo(BG);
        assertThat(t.at(2, 7)).as("the last row is almost empty").isEqualTo(BG);
    }

    @Test
    void linesBlendAtTheirAlphaAndDashesLeaveGaps() {
        Raster r = raster(1);
        r.line(0, 2, 19, 2, INK, 0.5, 0, 0);
        int grey = r.at(10, 2) & 0xff;
        assertThat(grey).isBetween(120, 135); // half-way from white to black
        assertThat(r.at(10, 5)).isEqualTo(BG);
        Raster d = raster(1);
        d.line(0, 2, 19, 2, INK, 1, 3, 3);
        int on = 0;
        for (int x = 0; x < 20; x++) {
            if (d.at(x, 2) != BG) {
                on++;
            }
        }
        assertThat(on).isBetween(8, 13);
    }

    @Test
    void aSteepLineCoversEveryRow() {
        Raster r = raster(1);
        r.line(3, 0, 5, 9, INK, 1, 0, 0);
        for (int y = 0; y < 10; y++) {
            boolean inked = false;
            for (int x = 0; x < 20; x++) {
                inked |= r.at(x, y) != BG;
            }
            assertThat(inked).as("row " + y).isTrue();
        }
    }

    @Test
    void hiDpiScalesViewUnitsToDevicePixels() {
        Raster r = raster(2);
        assertThat(r.width()).isEqualTo(40);
        assertThat(r.height()).isEqualTo(20);
        r.fillRect(1, 1, 1, 1, INK);
        assertThat(r.at(2, 2)).isEqualTo(INK);
        assertThat(r.at(3, 3)).isEqualTo(INK);
        assertThat(r.at(4, 4)).isEqualTo(BG);
    }

    @Test
    void discsAreRoundAndSoftEdged() {
        Raster r = raster(1);
        r.fillDisc(10, 5, 3, INK);
        assertThat(r.at(10, 5)).isEqualTo(INK);
        assertThat(r.at(10, 1)).isEqualTo(BG);
        assertThat(r.at(13, 8)).isEqualTo(BG).as("outside the corner");
    }
}
