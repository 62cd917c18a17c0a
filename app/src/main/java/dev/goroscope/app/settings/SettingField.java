package dev.goroscope.app.settings;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * One row of the settings panel, as the view model describes it: what it is called, where it is
 * grouped, what it means in Go terms, and the property the editor changes. Views turn these into
 * editors without knowing any runtime rule; tests read them without a toolkit.
 *
 * @param name        the label, in the words a Go programmer uses (GOGC, gctrace, ...)
 * @param category    the group it is shown in
 * @param description what it does in Go, where the engine differs, and what may be typed
 * @param value       the edited value: text for typed fields, the enum or Boolean otherwise
 * @param type        the value's class ({@code String}, {@code Boolean} or an enum)
 * @param choices     the values a choice box offers (empty for text and check boxes)
 * @param label       how a choice is shown
 * @param enabled     whether the field can be edited now
 * @param error       why the typed text is not accepted, or empty when it is
 */
public record SettingField<T>(
        String name,
        SettingField.Category category,
        ObservableStringValue description,
        Property<T> value,
        Class<T> type,
        List<T> choices,
        Function<T, String> label,
        ObservableBooleanValue enabled,
        ObservableStringValue error) {

    /** The panel's groups, in the order they are shown. */
    public enum Category {
        GARBAGE_COLLECTOR("Garbage collector"),
        STACKS("Stacks"),
        SCHEDULER("Scheduler"),
        SIMULATION("Simulation");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The shown form of a value (the label for choices, the text otherwise). */
    public String show(T v) {
        return v == null ? "" : label.apply(v);
    }
}
