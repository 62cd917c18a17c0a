package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeClassesTest {
    /** The "objects" column of the sizeclasses.go header comment (Go 1.19 to 1.23), classes 1..67. */
    private static final long[] OBJECTS = {
        1024, 512, 341, 256, 170, 128, 102, 85, 73, 64, 56, 51, 46, 42, 39, 36, 34, 32, 28, 25, 23,
        21, 19, 18, 17, 16, 14, 12, 11, 10, 9, 8, 7, 6, 11, 5, 9, 4, 7, 3, 8, 5, 7, 2, 5, 3, 4, 5,
        6, 7, 1, 6, 5, 4, 3, 2, 3, 4, 1, 4, 3, 2, 3, 1, 3, 2, 1,
    };

    @Test
    void tableHas68EntriesFrom8BytesTo32KiB() {
        assertThat(SizeClasses.numClasses()).isEqualTo(68);
        assertThat(SizeClasses.classToSize(0)).isZero();
        assertThat(SizeClasses.classToSize(1)).isEqualTo(8);
        assertThat(SizeClasses.classToSize(3)).isEqualTo(24);
        assertThat(SizeClasses.classToSize(67)).isEqualTo(32768);
        assertThatThrownBy(() -> SizeClasses.classToSize(68)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectsPerSpanMatchTheGeneratedTable() {
        assertThat(OBJECTS).hasSize(67);
        for (int c = 1; c < 68; c++) {
            assertThat(SizeClasses.objectsPerSpan(c)).as("class %d", c).isEqualTo(OBJECTS[c - 1]);
        }
    }

    @Test
    void knownRows() {
        // sizeof(runtime.g): 392 B in 1.19 -> class 416; 432 B in 1.23 -> class 448 (facts §1).
        assertThat(SizeClasses.classToSize(SizeClasses.sizeToClass(392))).isEqualTo(416);
        assertThat(SizeClasses.classToSize(SizeClasses.sizeToClass(432))).isEqualTo(448);
        assertThat(SizeClasses.sizeToClass(416)).isEqualTo(23);
        assertThat(SizeClasses.sizeToClass(448)).isEqualTo(24);
        int c1024 = SizeClasses.sizeToClass(1024);
        assertThat(c1024).isEqualTo(32);
        assertThat(SizeClasses.classToPages(c1024)).isEqualTo(1);
        assertThat(SizeClasses.objectsPerSpan(c1024)).isEqualTo(8);
        assertThat(SizeClasses.classToPages(SizeClasses.sizeToClass(1408))).isEqualTo(2);
        assertThat(SizeClasses.objectsPerSpan(SizeClasses.sizeToClass(1408))).isEqualTo(11);
        int c27264 = SizeClasses.sizeToClass(27000);
        assertThat(SizeClasses.classToSize(c27264)).isEqualTo(27264);
        assertThat(SizeClasses.classToPages(c27264)).isEqualTo(10);
    }

    @Test
    void boundaries() {
        assertThat(SizeClasses.sizeToClass(0)).isEqualTo(1);
        assertThat(SizeClasses.sizeToClass(1)).isEqualTo(1);
        assertThat(SizeClasses.sizeToClass(9)).isEqualTo(2);
        assertThat(SizeClasses.sizeToClass(33)).isEqualTo(5);
        assertThat(SizeClasses.classToSize(5)).isEqualTo(48);
        assertThat(SizeClasses.sizeToClass(32768)).isEqualTo(67);
        assertThat(SizeClasses.sizeToClass(32769)).isZero();
        assertThatThrownBy(() -> SizeClasses.sizeToClass(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SizeClasses.roundUpSize(33)).isEqualTo(48);
        assertThat(SizeClasses.roundUpSize(40000)).isEqualTo(40960);
    }

    @Test
    void everySizeGetsTheSmallestClassThatHoldsIt() {
        for (long size = 1; size <= 32768; size++) {
            int c = SizeClasses.sizeToClass(size);
            assertThat(SizeClasses.classToSize(c)).isGreaterThanOrEqualTo(size);
            assertThat(SizeClasses.classToSize(c - 1)).isLessThan(size);
        }
    }

    @Test
    void spanTailsAreSmallerThanOneSlot() {
        for (int c = 1; c < 68; c++) {
            long span = (long) SizeClasses.classToPages(c) * Sys.PAGE_SIZE;
            long tail = span - SizeClasses.objectsPerSpan(c) * SizeClasses.classToSize(c);
            assertThat(tail).isBetween(0L, SizeClasses.classToSize(c) - 1);
        }
    }
}
