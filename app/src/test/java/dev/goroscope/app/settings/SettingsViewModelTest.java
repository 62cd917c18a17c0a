package dev.goroscope.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.session.RunSession;
import dev.goroscope.app.session.RunState;
import dev.goroscope.engine.cli.RunFlags;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings panel's state, without a toolkit: parsing, checking, when a change is announced. */
class SettingsViewModelTest {
    private final SettingsViewModel vm = new SettingsViewModel(Settings.defaults(), Optional.empty());
    private final List<Settings> changes = new ArrayList<>();

    {
        vm.settingsProperty().addListener((o, a, b) -> changes.add(b));
    }

    @Test
    void theFieldsStartAtGosDefaults() {
        assertThat(vm.gogcProperty().get()).isEqualTo("100");
        assertThat(vm.memoryLimitProperty().get()).isEqualTo("off");
        assertThat(vm.gomaxprocsProperty().get()).isEqualTo("2");
        assertThat(vm.maxStackProperty().get()).isEqualTo("1000000000");
        assertThat(vm.machineMemoryProperty().get()).isEqualTo("8GiB");
        assertThat(vm.barrierProperty().get()).isEqualTo(BarrierMode.HYBRID);
        assertThat(vm.adaptiveStackStartProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.commandLineProperty().get()).isEqualTo("goroscope run prog.go");
    }

    @Test
    void gogcIsOffOrAPercentage() {
        vm.gogcProperty().set("off");
        assertThat(vm.settingsProperty().get().gogc()).isEqualTo(-1);
        vm.gogcProperty().set(" 50 ");
        assertThat(vm.settingsProperty().get().gogc()).isEqualTo(50);
        vm.gogcProperty().set("0");
        assertThat(vm.settingsProperty().get().gogc()).isZero();
        for (String bad : List.of("-1", "fifty", "", "1.5")) {
            vm.gogcProperty().set(bad);
            assertThat(vm.validProperty().get()).as(bad).isFalse();
            assertThat(vm.errorOf(vm.gogcProperty()).get()).startsWith("GOGC must be off or a whole percentage");
            assertThat(vm.settingsProperty().get().gogc()).as("the last good value stays").isZero();
        }
    }

    @Test
    void gomemlimitTakesGosSizes() {
        vm.memoryLimitProperty().set("16MiB");
        assertThat(vm.settingsProperty().get().memoryLimit()).isEqualTo(16L << 20);
        vm.memoryLimitProperty().set("1GiB");
        assertThat(vm.settingsProperty().get().memoryLimit()).isEqualTo(1L << 30);
        vm.memoryLimitProperty().set("123456");
        assertThat(vm.settingsProperty().get().memoryLimit()).isEqualTo(123456);
        vm.memoryLimitProperty().set("16MB");
        assertThat(vm.errorProperty().get()).isEqualTo(
                "malformed GOMEMLIMIT \"16MB\": want off or a size such as 16MiB (bytes, or B, KiB, MiB, GiB, TiB)");
        vm.memoryLimitProperty().set("-4MiB");
        assertThat(vm.validProperty().get()).isFalse();
        vm.memoryLimitProperty().set("99999999999TiB");
        assertThat(vm.validProperty().get()).as("overflows a 64-bit count").isFalse();
        vm.memoryLimitProperty().set("off");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.settingsProperty().get().memoryLimit()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void gomaxprocsIsOneTo256() {
        vm.gomaxprocsProperty().set("1");
        assertThat(vm.settingsProperty().get().gomaxprocs()).isEqualTo(1);
        vm.gomaxprocsProperty().set("256");
        assertThat(vm.settingsProperty().get().gomaxprocs()).isEqualTo(256);
        for (String bad : List.of("0", "257", "-3", "two")) {
            vm.gomaxprocsProperty().set(bad);
            assertThat(vm.errorProperty().get()).as(bad)
                    .isEqualTo("GOMAXPROCS must be a whole number from 1 to 256, not \"" + bad + "\"");
        }
        assertThat(vm.settingsProperty().get().gomaxprocs()).isEqualTo(256);
    }

    @Test
    void otherSizesAreCheckedToo() {
        vm.maxStackProperty().set("1MiB");
        assertThat(vm.settingsProperty().get().maxStack()).isEqualTo(1L << 20);
        vm.maxStackProperty().set("0");
        assertThat(vm.errorProperty().get()).startsWith("Max stack must be a positive size");
        vm.maxStackProperty().set("1048576");
        vm.machineMemoryProperty().set("32MiB");
        assertThat(vm.errorProperty().get()).startsWith("Machine memory must be a size of at least 64MiB");
        vm.machineMemoryProperty().set("512MiB");
        vm.seedProperty().set("x");
        assertThat(vm.errorProperty().get()).isEqualTo("Seed must be a whole number, not \"x\"");
        vm.seedProperty().set("42");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.settingsProperty().get()).isEqualTo(Settings.defaults().withMaxStack(1L << 20)
                .withMachineMemory(512L << 20).withSeed(42));
    }

    @Test
    void aChangeIsAnnouncedOnlyWhenTheSettingsDiffer() {
        vm.gogcProperty().set("100");
        vm.gogcProperty().set("0100");
        assertThat(changes).as("the same value typed differently").isEmpty();
        vm.gogcProperty().set("50");
        assertThat(changes).hasSize(1);
        vm.gogcProperty().set("5x");
        assertThat(changes).as("invalid text changes nothing").hasSize(1);
        vm.gogcProperty().set("50");
        assertThat(changes).as("back to the value in force").hasSize(1);
        assertThat(vm.validProperty().get()).isTrue();
        vm.barrierProperty().set(BarrierMode.YUASA);
        vm.barrierProperty().set(BarrierMode.YUASA);
        vm.gcShrinkStackOffProperty().set(true);
        assertThat(changes).hasSize(3);
        assertThat(changes.get(2)).isEqualTo(Settings.defaults().withGogc(50).withBarrier(BarrierMode.YUASA)
                .withGcShrinkStackOff(true));
    }

    @Test
    void whileAFieldIsInvalidOtherEditsWaitForIt() {
        vm.gomaxprocsProperty().set("0");
        vm.gogcProperty().set("200");
        assertThat(changes).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("GOMAXPROCS");
        vm.gomaxprocsProperty().set("4");
        assertThat(changes).containsExactly(Settings.defaults().withGogc(200).withGomaxprocs(4));
    }

    @Test
    void settingsFromOutsideRewriteTheFieldsWithoutAnEditOfTheirOwn() {
        vm.gogcProperty().set("oops");
        Settings lesson = Settings.defaults().withGogc(-1).withMemoryLimit(16L << 20).withProfile(GoProfile.GO_1_23)
                .withGctrace(true);
        vm.settingsProperty().set(lesson);
        assertThat(changes).containsExactly(lesson);
        assertThat(vm.gogcProperty().get()).isEqualTo("off");
        assertThat(vm.memoryLimitProperty().get()).isEqualTo("16MiB");
        assertThat(vm.profileProperty().get()).isEqualTo(GoProfile.GO_1_23);
        assertThat(vm.gctraceProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.settingsProperty().get()).isSameAs(lesson);
    }

    @Test
    void resetGoesBackToGosDefaults() {
        assertThat(vm.resetToDefaults().isExecutable()).isFalse();
        vm.gogcProperty().set("25");
        vm.profileProperty().set(GoProfile.GO_1_23);
        vm.seedProperty().set("nope");
        assertThat(vm.resetToDefaults().isExecutable()).isTrue();
        vm.resetToDefaults().execute();
        assertThat(vm.settingsProperty().get()).isEqualTo(Settings.defaults());
        assertThat(vm.gogcProperty().get()).isEqualTo("100");
        assertThat(vm.seedProperty().get()).isEqualTo("1");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.resetToDefaults().isExecutable()).isFalse();
    }

    @Test
    void resetClearsAnErrorEvenWhenTheSettingsAreAlreadyTheDefaults() {
        vm.seedProperty().set("nope");
        assertThat(vm.resetToDefaults().isExecutable()).isTrue();
        vm.resetToDefaults().execute();
        assertThat(vm.seedProperty().get()).isEqualTo("1");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void gcsFramesAreOfferedOnlyWithAToolchain() {
        SettingField<?> frames = field(vm, "Frame sizes");
        assertThat(frames.enabled().get()).isFalse();
        assertThat(frames.description().get()).contains("there is no 'go' on the PATH");
        vm.framesProperty().set(FrameSource.GO);
        assertThat(vm.exactFramesProperty().get()).isFalse();

        SettingsViewModel withGo = new SettingsViewModel(Settings.defaults(), Optional.of("go1.19.8"));
        assertThat(field(withGo, "Frame sizes").enabled().get()).isTrue();
        assertThat(field(withGo, "Frame sizes").description().get()).contains("Found go1.19.8");
        List<Boolean> seen = new ArrayList<>();
        withGo.exactFramesProperty().addListener((o, a, b) -> seen.add(b));
        withGo.framesProperty().set(FrameSource.GO);
        withGo.gogcProperty().set("300");
        assertThat(seen).containsExactly(true);
        assertThat(withGo.request("p.go", "package main").exactFrames()).isTrue();
        assertThat(withGo.commandLineProperty().get()).isEqualTo("GOGC=300 goroscope run --frames go prog.go");
        withGo.resetToDefaults().execute();
        assertThat(seen).containsExactly(true, false);
    }

    @Test
    void everyRowIsGroupedAndExplained() {
        assertThat(vm.fields()).extracting(SettingField::name).containsExactly("GOGC", "GOMEMLIMIT", "Write barrier",
                "gctrace", "Max stack (bytes)", "gcshrinkstackoff", "adaptivestackstart", "GOMAXPROCS", "Seed",
                "Go release", "Frame sizes", "Machine memory");
        assertThat(vm.fields()).extracting(SettingField::category).containsOnly(SettingField.Category.values());
        for (SettingField<?> f : vm.fields()) {
            assertThat(f.description().get()).as(f.name()).hasSizeGreaterThan(120);
        }
        assertThat(field(vm, "Write barrier").description().get()).contains("exist only in this simulation");
        assertThat(field(vm, "GOGC").description().get()).contains("§4.7");
        assertThat(field(vm, "Max stack (bytes)").description().get()).contains("debug.SetMaxStack", "512 MiB");
        assertThat(field(vm, "Write barrier").choices()).hasSize(BarrierMode.values().length);
    }

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of(List.of(), Map.of()),
                Arguments.of(List.of("--go", "1.23", "--seed", "7"), Map.of("GOGC", "off", "GOMEMLIMIT", "16MiB")),
                Arguments.of(List.of("--barrier", "none", "--gomaxprocs", "8"), Map.of("GODEBUG", "gctrace=1")),
                Arguments.of(List.of("--barrier", "hybrid-documented", "--machine-memory", "512MiB"),
                        Map.of("GODEBUG", "gcshrinkstackoff=1,adaptivestackstart=0", "GOMAXPROCS", "3")),
                Arguments.of(List.of("--barrier=dijkstra"), Map.of("GOGC", "0", "GOMEMLIMIT", "123456789")),
                Arguments.of(List.of("--barrier", "yuasa", "--go", "1.19"), Map.of("GOGC", "25")));
    }

    /** The same flags given to goroscope run and typed into the panel make the same Settings, both ways. */
    @ParameterizedTest
    @MethodSource("commandLines")
    void roundTripWithTheCommandLine(List<String> flags, Map<String, String> env) {
        Settings cli = RunFlags.parse(append(flags, "prog.go"), env).settings();

        typeInto(vm, flags, env);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.settingsProperty().get()).isEqualTo(cli);

        CommandLine back = vm.commandLine();
        RunFlags again = RunFlags.parse(append(back.flags(), "prog.go"), back.env());
        assertThat(again.settings()).isEqualTo(cli);
        assertThat(again.exactFrames()).isFalse();
    }

    /** What a person would do in the panel to get the same run as these flags. */
    private static void typeInto(SettingsViewModel vm, List<String> flags, Map<String, String> env) {
        env.forEach((k, v) -> {
            switch (k) {
                case "GOGC" -> vm.gogcProperty().set(v);
                case "GOMEMLIMIT" -> vm.memoryLimitProperty().set(v);
                case "GOMAXPROCS" -> vm.gomaxprocsProperty().set(v);
                case "GODEBUG" -> {
                    for (String kv : v.split(",")) {
                        boolean on = !kv.endsWith("=0");
                        switch (kv.substring(0, kv.indexOf('='))) {
                            case "gctrace" -> vm.gctraceProperty().set(on);
                            case "gcshrinkstackoff" -> vm.gcShrinkStackOffProperty().set(on);
                            case "adaptivestackstart" -> vm.adaptiveStackStartProperty().set(on);
                            default -> throw new IllegalArgumentException(kv);
                        }
                    }
                }
                default -> throw new IllegalArgumentException(k);
            }
        });
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            String v;
            if (f.contains("=")) {
                v = f.substring(f.indexOf('=') + 1);
                f = f.substring(0, f.indexOf('='));
            } else {
                v = flags.get(++i);
            }
            switch (f) {
                case "--go" -> vm.profileProperty().set(GoProfile.parse(v));
                case "--seed" -> vm.seedProperty().set(v);
                case "--barrier" -> vm.barrierProperty().set(BarrierMode.parse(v));
                case "--gomaxprocs" -> vm.gomaxprocsProperty().set(v);
                case "--machine-memory" -> vm.machineMemoryProperty().set(v);
                default -> throw new IllegalArgumentException(f);
            }
        }
    }

    private static List<String> append(List<String> l, String last) {
        List<String> out = new ArrayList<>(l);
        out.add(last);
        return out;
    }

    @Test
    void theCommandLineNamesOnlyWhatDiffersAndTheStackLimitAsACall() {
        vm.gogcProperty().set("50");
        vm.gctraceProperty().set(true);
        vm.barrierProperty().set(BarrierMode.NONE);
        vm.maxStackProperty().set("1MiB");
        assertThat(vm.commandLineProperty().get()).isEqualTo(
                "GOGC=50 GODEBUG=gctrace=1 goroscope run --barrier none prog.go"
                        + "   (and debug.SetMaxStack(1048576) first in main)");
    }

    private static final String ALLOCATES = """
            package main

            var keep [][]byte

            func main() {
            	for i := 0; i < 3000; i++ {
            		b := make([]byte, 8192)
            		if i%8 == 0 {
            			keep = append(keep, b)
            		}
            	}
            }
            """;

    /** The settings reach the engine: a lower GOGC means more GC cycles for the same program. */
    @Test
    void aRealRunCollectsMoreOftenWithALowerGogc() {
        long at100 = cycles(vm);
        vm.gogcProperty().set("25");
        long at25 = cycles(vm);
        vm.gogcProperty().set("off");
        long off = cycles(vm);
        assertThat(at100).isPositive();
        assertThat(at25).isGreaterThan(at100);
        assertThat(off).isZero();
    }

    private static long cycles(SettingsViewModel vm) {
        List<RunState> states = new ArrayList<>();
        RunSession s = new RunSession(vm.request("alloc.go", ALLOCATES), states::add).start(Runnable::run);
        assertThat(s.state()).isEqualTo(new RunState.Finished(0));
        return s.timeline().count(EventKind.GC_CYCLE);
    }

    private static SettingField<?> field(SettingsViewModel vm, String name) {
        return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
