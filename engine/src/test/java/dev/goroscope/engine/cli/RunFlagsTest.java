package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RunFlags reads flags and environment exactly as {@code goroscope run} does. */
class RunFlagsTest {
    @Test
    void noFlagsAndNoEnvironmentAreGosDefaults() {
        RunFlags f = RunFlags.parse(List.of("prog.go"), Map.of());
        assertThat(f.settings()).isEqualTo(Settings.defaults());
        assertThat(f.exactFrames()).isFalse();
    }

    @Test
    void flagsAndEnvironmentBothCount() {
        RunFlags f = RunFlags.parse(List.of("--go", "1.23", "--barrier=yuasa", "--frames", "go", "prog.go"),
                Map.of("GOGC", "off", "GOMEMLIMIT", "16MiB", "GODEBUG", "gcshrinkstackoff=1"));
        assertThat(f.settings().profile()).isEqualTo(GoProfile.GO_1_23);
        assertThat(f.settings().barrier()).isEqualTo(BarrierMode.YUASA);
        assertThat(f.settings().gogc()).isEqualTo(-1);
        assertThat(f.settings().memoryLimit()).isEqualTo(16L << 20);
        assertThat(f.settings().gcShrinkStackOff()).isTrue();
        assertThat(f.exactFrames()).isTrue();
    }

    @Test
    void aBadFlagIsRejectedWithTheCommandsMessage() {
        assertThatThrownBy(() -> RunFlags.parse(List.of("--frames", "exact", "prog.go"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--frames takes estimate or go, not exact");
    }
}
