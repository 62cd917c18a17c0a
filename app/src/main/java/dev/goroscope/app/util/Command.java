package dev.goroscope.app.util;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * An action a view can bind a button or a key to: {@link #execute()} runs it when it is
 * {@linkplain #executableProperty() executable}; buttons bind their {@code disable} to that.
 */
public final class Command {
    private final Runnable action;
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(true);

    public Command(Runnable action) {
        this.action = action;
    }

    /** A command executable only while {@code when} is true. */
    public Command(Runnable action, ObservableBooleanValue when) {
        this(action);
        executable.bind(BooleanExpression.booleanExpression(when));
    }

    /** A command that is never disabled by state (it may still do nothing). */
    public static Command always(Runnable action) {
        return new Command(action, Bindings.createBooleanBinding(() -> true));
    }

    public void execute() {
        if (executable.get()) {
            action.run();
        }
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public boolean isExecutable() {
        return executable.get();
    }
}
