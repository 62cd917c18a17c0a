package dev.goroscope.app.lessons;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The searchable lesson picker: type to filter by number, title or notes; Enter or double-click opens. */
public final class LessonPicker extends Dialog<Lesson> {
    private final TextField search = new TextField();
    private final ListView<Lesson> list = new ListView<>();

    public LessonPicker(Window owner, LessonLibrary library) {
        initOwner(owner);
        setTitle("Open a lesson");
        setHeaderText("The built-in lessons");
        search.setId("lesson-search");
        list.setId("lesson-list");
        search.setPromptText("Search lessons (e.g. shrink, GOGC, barrier)");
        list.setItems(FXCollections.observableArrayList(library.all()));
        list.setPrefSize(640, 360);
        list.getSelectionModel().selectFirst();
        search.textProperty().addListener((o, a, q) -> {
            list.setItems(FXCollections.observableArrayList(library.search(q)));
            list.getSelectionModel().selectFirst();
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                setResult(list.getSelectionModel().getSelectedItem());
                close();
            }
        });
        VBox box = new VBox(8, search, list);
        getDialogPane().setContent(box);
        ButtonType open = new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        setResultConverter(b -> b == open ? list.getSelectionModel().getSelectedItem() : null);
        setOnShown(e -> search.requestFocus());
    }

    public Optional<Lesson> pick() {
        return showAndWait();
    }
}
