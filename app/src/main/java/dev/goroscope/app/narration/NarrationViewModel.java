package dev.goroscope.app.narration;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What just happened, in words with the real figures (the engine's narration of the last event
 * applied), the lesson's own text ({@code viz.Say}), the program's output so far, and where the
 * event disproves a seed article, the correction.
 */
public final class NarrationViewModel {
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lesson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper atStart = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Optional<Correction>> correction = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final Supplier<Timeline> timeline;

    /** {@code recorded} is the count of events recorded so far; the step line follows it while a run grows. */
    public NarrationViewModel(ObservableValue<Snapshot> snapshot, ObservableValue<? extends Number> recorded,
            Supplier<Timeline> timeline) {
        this.timeline = timeline;
        snapshot.addListener((o, a, s) -> update(s));
        recorded.addListener((o, a, n) -> updateStep(snapshot.getValue()));
        update(snapshot.getValue());
    }

    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** stdout, then stderr (the fatal lines end up there), as of this step. */
    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** "Step 1,234 of 5,678 · stack growth". */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Whether the position is step 0: a run (re)starts there, and the strip may fit its text afresh. */
    public javafx.beans.property.ReadOnlyBooleanProperty atStartProperty() {
        return atStart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Correction>> correctionProperty() {
        return correction.getReadOnlyProperty();
    }

    void update(Snapshot s) {
        if (s == null) {
            return;
        }
        Timeline t = timeline.get();
        Event last = s.position() > 0 && s.position() <= t.size() ? t.get(s.position() - 1) : null;
        atStart.set(s.position() == 0);
        narration.set(s.position() == 0 ? "The program is about to start." : s.narration());
        lesson.set(s.lesson());
        StringBuilder out = new StringBuilder(s.stdout());
        if (!s.stderr().isEmpty()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(s.stderr());
        }
        for (String line : s.fatal()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(line).append('\n');
        }
        if (s.exited()) {
            out.append("exit status ").append(s.exitStatus()).append('\n');
        }
        output.set(out.toString());
        updateStep(s);
        correction.set(last == null ? Optional.empty() : SeedCorrections.forEvent(last));
    }

    private void updateStep(Snapshot s) {
        if (s == null) {
            return;
        }
        Timeline t = timeline.get();
        Event last = s.position() > 0 && s.position() <= t.size() ? t.get(s.position() - 1) : null;
        step.set(String.format(java.util.Locale.ROOT, "Step %,d of %,d%s", s.position(), t.size(),
                last == null ? "" : " · " + last.kind().label()));
    }
}
