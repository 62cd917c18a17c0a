package dev.goroscope.app.settings;

import java.util.Optional;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The property sheet's rows and editors for {@link SettingField}s. The editors bind straight to
 * the view model's properties (so an edit is seen at once, and a change of settings from outside
 * shows at once), and mark a field whose text is not accepted.
 */
final class FieldEditors {
    /** Set on a text field whose text the view model rejects. */
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private FieldEditors() {}

    /** A {@link PropertySheet.Item} over one field. */
    static final class Item<T> implements PropertySheet.Item {
        final SettingField<T> field;

        Item(SettingField<T> field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            return field.type();
        }

        @Override
        public String getCategory() {
            return field.category().title();
        }

        @Override
        public String getName() {
            return field.name();
        }

        @Override
        public String getDescription() {
            return field.description().get();
        }

        @Override
        public Object getValue() {
            return field.value().getValue();
        }

        @Override
        public void setValue(Object v) {
            field.value().setValue(field.type().cast(v));
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.of(field.value());
        }

        @Override
        public boolean isEditable() {
            return field.enabled().get();
        }
    }

    /** The editor for {@code item}: a text field, a check box, or a choice box of the enum's labels. */
    @SuppressWarnings("unchecked")
    static PropertyEditor<?> editor(PropertySheet.Item item) {
        SettingField<?> f = ((Item<?>) item).field;
        Control c;
        if (f.type() == String.class) {
            c = text((SettingField<String>) f);
        } else if (f.type() == Boolean.class) {
            c = check((SettingField<Boolean>) f);
        } else {
            c = choice(f);
        }
        c.setId(id(f.name()));
        c.setMaxWidth(Double.MAX_VALUE);
        f.enabled().addListener((o, a, on) -> c.setDisable(!on));
        return new Bound<>(c, (Property<Object>) f.value());
    }

    /** A node id for a field's editor, such as {@code setting-GOGC}, for tests and CSS. */
    static String id(String name) {
        return "setting-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    private static TextField text(SettingField<String> f) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(f.value());
        t.setPrefColumnCount(12);
        t.pseudoClassStateChanged(INVALID, !f.error().get().isEmpty());
        f.error().addListener((o, a, e) -> t.pseudoClassStateChanged(INVALID, !e.isEmpty()));
        return t;
    }

    private static CheckBox check(SettingField<Boolean> f) {
        CheckBox b = new CheckBox();
        b.selectedProperty().bindBidirectional(f.value());
        b.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> f.show(b.isSelected()), b.selectedProperty()));
        return b;
    }

    private static <T> ChoiceBox<T> choice(SettingField<T> f) {
        ChoiceBox<T> c = new ChoiceBox<>();
        c.getItems().setAll(f.choices());
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return f.show(v);
            }

            @Override
            public T fromString(String s) {
                return f.choices().stream().filter(v -> f.show(v).equals(s)).findFirst().orElse(null);
            }
        });
        c.valueProperty().bindBidirectional(f.value());
        return c;
    }

    /** An editor whose control is already bound both ways; the sheet's own calls go to the property. */
    private static final class Bound<T> implements PropertyEditor<T> {
        private final Node control;
        private final Property<T> property;

        Bound(Node control, Property<T> property) {
            this.control = control;
            this.property = property;
        }

        @Override
        public Node getEditor() {
            return control;
        }

        @Override
        public T getValue() {
            return property.getValue();
        }

        @Override
        public void setValue(T v) {
            property.setValue(v);
        }
    }
}
