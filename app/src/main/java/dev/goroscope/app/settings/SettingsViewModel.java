package dev.goroscope.app.settings;

import dev.goroscope.app.session.RunRequest;
import dev.goroscope.app.util.Command;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The settings panel's state: the runtime {@link Settings} a run uses, and one editable property
 * per setting (text for what is typed, enums and booleans for the rest). Every edit is parsed and
 * checked; while any field is invalid its message is shown and {@link #settingsProperty()} keeps
 * the last good settings. {@code settingsProperty()} is set only when the settings really differ,
 * so the integrator can re-run the program on each change (debouncing is its job). Setting
 * {@code settingsProperty()} from outside (a lesson's settings) rewrites the fields.
 *
 * <p>Frame sizes from the Go toolchain are not part of {@code Settings} but of the run request:
 * {@link #exactFramesProperty()} changes, likewise only on a real change.
 */
public final class SettingsViewModel {
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(this, "settings");
    private final ReadOnlyBooleanWrapper exactFrames = new ReadOnlyBooleanWrapper(this, "exactFrames");
    private final Optional<String> goVersion;

    private final StringProperty gogc = new SimpleStringProperty(this, "GOGC");
    private final StringProperty memoryLimit = new SimpleStringProperty(this, "GOMEMLIMIT");
    private final BooleanProperty gctrace = new SimpleBooleanProperty(this, "gctrace");
    private final ObjectProperty<BarrierMode> barrier = new SimpleObjectProperty<>(this, "barrier");
    private final StringProperty maxStack = new SimpleStringProperty(this, "maxStack");
    private final BooleanProperty gcShrinkStackOff = new SimpleBooleanProperty(this, "gcshrinkstackoff");
    private final BooleanProperty adaptiveStackStart = new SimpleBooleanProperty(this, "adaptivestackstart");
    private final StringProperty gomaxprocs = new SimpleStringProperty(this, "GOMAXPROCS");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");
    private final ObjectProperty<GoProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final ObjectProperty<FrameSource> frames = new SimpleObjectProperty<>(this, "frames", FrameSource.ESTIMATE);
    private final StringProperty machineMemory = new SimpleStringProperty(this, "machineMemory");

    private final Map<StringProperty, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper(this, "commandLine");
    private final List<SettingField<?>> fields = new ArrayList<>();
    private final Command resetToDefaults;
    private boolean loading;

    /**
     * @param initial   the settings to start from (those of the open lesson, or {@link Settings#defaults()})
     * @param goVersion the installed Go toolchain's version ({@link #findGoToolchain()}), or empty:
     *                  frame sizes from gc are then not offered
     */
    public SettingsViewModel(Settings initial, Optional<String> goVersion) {
        this.goVersion = goVersion;
        for (StringProperty p : List.of(gogc, memoryLimit, maxStack, gomaxprocs, seed, machineMemory)) {
            errors.put(p, new ReadOnlyStringWrapper(""));
        }
        describeFields();
        settings.set(initial);
        load(initial);
        settings.addListener((o, old, now) -> {
            if (!loading) {
                load(now);
            }
        });
        for (SettingField<?> f : fields) {
            f.value().addListener((o, a, b) -> edited());
        }
        commandLine.bind(Bindings.createStringBinding(() -> commandLine().render("prog.go"), settings, exactFrames));
        resetToDefaults = new Command(this::reset, Bindings.createBooleanBinding(
                () -> !settings.get().equals(Settings.defaults()) || !valid.get() || frames.get() != FrameSource.ESTIMATE,
                settings, valid, frames));
    }

    /** Go's defaults, and a toolchain looked for on the PATH (this runs {@code go version}: not on the UI thread). */
    public SettingsViewModel() {
        this(Settings.defaults(), findGoToolchain());
    }

    /** The version of the {@code go} on the PATH, if any. Runs a process: call it off the UI thread. */
    public static Optional<String> findGoToolchain() {
        return GoToolchain.find().map(GoToolchain::version);
    }

    private void describeFields() {
        var gc = SettingField.Category.GARBAGE_COLLECTOR;
        var st = SettingField.Category.STACKS;
        var sc = SettingField.Category.SCHEDULER;
        var sim = SettingField.Category.SIMULATION;
        text("GOGC", gc, Descriptions.GOGC, gogc);
        text("GOMEMLIMIT", gc, Descriptions.GOMEMLIMIT, memoryLimit);
        choice("Write barrier", gc, Descriptions.BARRIER, barrier, BarrierMode.class, BarrierMode::label);
        check("gctrace", gc, Descriptions.GCTRACE, gctrace);
        text("Max stack (bytes)", st, Descriptions.MAX_STACK, maxStack);
        check("gcshrinkstackoff", st, Descriptions.SHRINK_OFF, gcShrinkStackOff);
        check("adaptivestackstart", st, Descriptions.ADAPTIVE, adaptiveStackStart);
        text("GOMAXPROCS", sc, Descriptions.GOMAXPROCS, gomaxprocs);
        text("Seed", sc, Descriptions.SEED, seed);
        choice("Go release", sim, Descriptions.PROFILE, profile, GoProfile.class, SettingsViewModel::release);
        fields.add(new SettingField<>("Frame sizes", sim, new SimpleStringProperty(Descriptions.frames(goVersion)),
                frames, FrameSource.class, List.of(FrameSource.values()), FrameSource::label,
                new SimpleBooleanProperty(goVersion.isPresent()), new SimpleStringProperty("")));
        text("Machine memory", sim, Descriptions.MACHINE, machineMemory);
    }

    private static String release(GoProfile p) {
        return p == GoProfile.GO_1_19 ? "Go 1.19 (go1.19.8)" : "Go 1.23 (go1.23.5)";
    }

    private static final ObservableBooleanValue ALWAYS = new SimpleBooleanProperty(true);

    private void text(String name, SettingField.Category c, String d, StringProperty p) {
        fields.add(new SettingField<>(name, c, new SimpleStringProperty(d), p, String.class, List.of(),
                Function.identity(), ALWAYS, errors.get(p).getReadOnlyProperty()));
    }

    private void check(String name, SettingField.Category c, String d, BooleanProperty p) {
        @SuppressWarnings("unchecked")
        Property<Boolean> boxed = (Property<Boolean>) (Property<?>) p;
        fields.add(new SettingField<>(name, c, new SimpleStringProperty(d), boxed, Boolean.class, List.of(),
                b -> b ? "on" : "off", ALWAYS, new SimpleStringProperty("")));
    }

    private <E extends Enum<E>> void choice(String name, SettingField.Category c, String d, ObjectProperty<E> p,
            Class<E> type, Function<E, String> label) {
        fields.add(new SettingField<>(name, c, new SimpleStringProperty(d), p, type,
                List.of(type.getEnumConstants()), label, ALWAYS, new SimpleStringProperty("")));
    }

    /** Writes {@code s} into the fields, without treating that as an edit. */
    private void load(Settings s) {
        loading = true;
        try {
            gogc.set(SettingsText.gogc(s.gogc()));
            memoryLimit.set(SettingsText.memoryLimit(s.memoryLimit()));
            gctrace.set(s.gctrace());
            barrier.set(s.barrier());
            maxStack.set(Long.toString(s.maxStack()));
            gcShrinkStackOff.set(s.gcShrinkStackOff());
            adaptiveStackStart.set(s.adaptiveStackStart());
            gomaxprocs.set(Integer.toString(s.gomaxprocs()));
            seed.set(Long.toString(s.seed()));
            profile.set(s.profile());
            machineMemory.set(SettingsText.size(s.machineMemory()));
            errors.values().forEach(e -> e.set(""));
            error.set("");
            valid.set(true);
        } finally {
            loading = false;
        }
        exactFrames.set(frames.get() == FrameSource.GO && goVersion.isPresent());
    }

    /** A field changed: parse them all; publish new settings if all are valid and something differs. */
    private void edited() {
        if (loading) {
            return;
        }
        exactFrames.set(frames.get() == FrameSource.GO && goVersion.isPresent());
        Settings s = settings.get();
        Settings next = s;
        try {
            next = next.withGogc(parse(gogc, SettingsText::gogc, s.gogc()))
                    .withMemoryLimit(parse(memoryLimit, SettingsText::memoryLimit, s.memoryLimit()))
                    .withMaxStack(parse(maxStack, SettingsText::maxStack, s.maxStack()))
                    .withGomaxprocs(parse(gomaxprocs, SettingsText::gomaxprocs, s.gomaxprocs()))
                    .withSeed(parse(seed, SettingsText::seed, s.seed()))
                    .withMachineMemory(parse(machineMemory, SettingsText::machineMemory, s.machineMemory()))
                    .withGctrace(gctrace.get())
                    .withBarrier(barrier.get())
                    .withGcShrinkStackOff(gcShrinkStackOff.get())
                    .withAdaptiveStackStart(adaptiveStackStart.get())
                    .withProfile(profile.get());
        } finally {
            String first = errors.values().stream().map(ReadOnlyStringWrapper::get).filter(m -> !m.isEmpty())
                    .findFirst().orElse("");
            error.set(first);
            valid.set(first.isEmpty());
        }
        if (valid.get() && !next.equals(s)) {
            loading = true;
            try {
                settings.set(next);
            } finally {
                loading = false;
            }
        }
    }

    /** The parsed value of a text field, or {@code fallback} with its error recorded. */
    private <T> T parse(StringProperty p, Function<String, T> parser, T fallback) {
        ReadOnlyStringWrapper err = errors.get(p);
        try {
            T v = parser.apply(p.get() == null ? "" : p.get());
            err.set("");
            return v;
        } catch (IllegalArgumentException e) {
            err.set(e.getMessage());
            return fallback;
        }
    }

    private void reset() {
        frames.set(FrameSource.ESTIMATE);
        if (settings.get().equals(Settings.defaults())) {
            load(Settings.defaults());
        } else {
            settings.set(Settings.defaults());
        }
    }

    // ---- what the integrator and the view use ----

    /** The settings of the next run: always valid; changes only when they differ. */
    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    /** Frame sizes from gc (the toolchain was found and "go" is chosen). */
    public ReadOnlyBooleanProperty exactFramesProperty() {
        return exactFrames.getReadOnlyProperty();
    }

    /** A run of {@code source} with these settings. */
    public RunRequest request(String fileName, String source) {
        return new RunRequest(fileName, source, settings.get(), exactFrames.get(), RunRequest.DEFAULT_MAX_STEPS);
    }

    /** What reproduces these settings outside the app. */
    CommandLine commandLine() {
        return CommandLine.of(settings.get(), exactFrames.get());
    }

    /**
     * The {@code goroscope run} line that makes the same run from a shell (for a program named
     * prog.go), with Go's own environment variables so that they also work with {@code go run}.
     */
    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    /** The rows of the panel, in order. */
    public List<SettingField<?>> fields() {
        return List.copyOf(fields);
    }

    /** The first invalid field's message, or empty when every field is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Go's defaults and the built-in frame estimator; executable when something differs from them. */
    public Command resetToDefaults() {
        return resetToDefaults;
    }

    /** Why the choice of frame sizes is not offered, when it is not (no Go toolchain was found). */
    public Optional<String> framesUnavailable() {
        return goVersion.isPresent() ? Optional.empty()
                : Optional.of("Frame sizes: there is no Go toolchain on the PATH, so they come from the built-in"
                        + " estimator.");
    }

    /** The version of the Go toolchain that gives exact frames, if one was found. */
    public Optional<String> goToolchain() {
        return goVersion;
    }

    public StringProperty gogcProperty() {
        return gogc;
    }

    public StringProperty memoryLimitProperty() {
        return memoryLimit;
    }

    public BooleanProperty gctraceProperty() {
        return gctrace;
    }

    public ObjectProperty<BarrierMode> barrierProperty() {
        return barrier;
    }

    public StringProperty maxStackProperty() {
        return maxStack;
    }

    public BooleanProperty gcShrinkStackOffProperty() {
        return gcShrinkStackOff;
    }

    public BooleanProperty adaptiveStackStartProperty() {
        return adaptiveStackStart;
    }

    public StringProperty gomaxprocsProperty() {
        return gomaxprocs;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<GoProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<FrameSource> framesProperty() {
        return frames;
    }

    public StringProperty machineMemoryProperty() {
        return machineMemory;
    }

    /** The message for one text field ({@code gogcProperty()} and so on), or empty. */
    public ReadOnlyStringProperty errorOf(StringProperty field) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e == null) {
            throw new IllegalArgumentException("not a text field of this view model: " + field.getName());
        }
        return e.getReadOnlyProperty();
    }
}
