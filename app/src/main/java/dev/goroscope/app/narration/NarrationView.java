package dev.goroscope.app.narration;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The narration strip: what the last step did, in large type for the back row; the lesson's own
 * words; and where an article is wrong, the correction.
 */
public final class NarrationView extends VBox {
    public static final String STYLE_CLASS = "narration-view";

    private final TextArea output = new TextArea();

    public NarrationView(NarrationViewModel vm) {
        getStyleClass().add(STYLE_CLASS);
        Label step = new Label();
        step.getStyleClass().add("narration-step");
        step.textProperty().bind(vm.stepProperty());
        Label text = new Label();
        text.getStyleClass().add("narration-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.narrationProperty());
        Label lesson = new Label();
        lesson.getStyleClass().add("narration-lesson");
        lesson.setWrapText(true);
        lesson.textProperty().bind(vm.lessonProperty());
        lesson.visibleProperty().bind(vm.lessonProperty().isNotEmpty());
        lesson.managedProperty().bind(lesson.visibleProperty());
        Label correction = new Label();
        correction.getStyleClass().add("narration-correction");
        correction.setWrapText(true);
        vm.correctionProperty().addListener((o, a, c) -> correction.setText(c.map(NarrationView::describe).orElse("")));
        correction.visibleProperty().bind(correction.textProperty().isNotEmpty());
        correction.managedProperty().bind(correction.visibleProperty());
        getChildren().addAll(step, text, lesson, correction);
        // While a run plays, the strip keeps the height of the longest text it has shown: a step
        // with a shorter narration would otherwise shrink it, and every view above would be laid
        // out and repainted again every few frames. A new width, or a run back at step 0, lets it
        // fit its text afresh.
        heightProperty().addListener((o, a, h) -> {
            if (h.doubleValue() > getMinHeight()) {
                setMinHeight(h.doubleValue());
            }
        });
        widthProperty().addListener((o, a, w) -> setMinHeight(USE_COMPUTED_SIZE));
        vm.atStartProperty().addListener((o, a, start) -> {
            if (start) {
                setMinHeight(USE_COMPUTED_SIZE);
            }
        });
        output.setEditable(false);
        output.getStyleClass().add("program-output");
        output.textProperty().bind(vm.outputProperty());
        output.textProperty().addListener((o, a, b) -> output.setScrollTop(Double.MAX_VALUE));
    }

    /** The program's output, shown by the workspace in its own tab. */
    public TextArea output() {
        return output;
    }

    static String describe(Correction c) {
        return "A seed article says " + c.claim() + ". In fact " + c.fact() + "  (" + c.source() + ")";
    }
}
