package dev.goroscope.app.workspace;

import dev.goroscope.app.timeline.PlaybackViewModel;
import dev.goroscope.engine.event.EventKind;
import java.util.EnumSet;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import javafx.stage.Stage;

/**
 * The keyboard: Space play/pause, Left/Right step, Shift+Left/Right previous/next stack event, G
 * next GC phase, Home/End, Ctrl+O open, Ctrl+S save, Ctrl+1/2/3 stacks, heap or memory chart, Ctrl+R run, Ctrl+L lessons, F11 full screen, Ctrl+= and
 * Ctrl+- zoom, Ctrl+0 normal size. Keys typed into a text field stay there.
 */
final class Keys {
    private static final EnumSet<EventKind> STACK = EnumSet.of(EventKind.STACK_GROW, EventKind.STACK_SHRINK,
            EventKind.STACK_OVERFLOW);
    private static final EnumSet<EventKind> GC = EnumSet.of(EventKind.GC_PHASE);

    private Keys() {}

    static void install(WorkspaceView view, WorkspaceViewModel vm, PlaybackViewModel p) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = e.getTarget() instanceof TextInputControl;
            boolean ctrl = e.isShortcutDown();
            KeyCode k = e.getCode();
            boolean handled = true;
            if (ctrl && k == KeyCode.O) {
                view.openFile();
            } else if (ctrl && k == KeyCode.S) {
                view.save();
            } else if (ctrl && (k == KeyCode.DIGIT1 || k == KeyCode.DIGIT2
                    || k == KeyCode.DIGIT3)) {
                view.views().getSelectionModel().select(k == KeyCode.DIGIT1 ? 0 : k == KeyCode.DIGIT2 ? 1 : 2);
            } else if (ctrl && k == KeyCode.R) {
                vm.runCommand().execute();
            } else if (ctrl && k == KeyCode.L) {
                view.pickLesson();
            } else if (ctrl && (k == KeyCode.EQUALS || k == KeyCode.PLUS || k == KeyCode.ADD)) {
                view.fontSizeProperty().set(Math.min(40, view.fontSizeProperty().get() + 2));
            } else if (ctrl && (k == KeyCode.MINUS || k == KeyCode.SUBTRACT)) {
                view.fontSizeProperty().set(Math.max(9, view.fontSizeProperty().get() - 2));
            } else if (ctrl && (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0)) {
                view.fontSizeProperty().set(14);
            } else if (k == KeyCode.F11) {
                if (view.getScene() != null && view.getScene().getWindow() instanceof Stage s) {
                    s.setFullScreen(!s.isFullScreen());
                }
            } else if (typing || ctrl) {
                handled = false;
            } else if (k == KeyCode.SPACE) {
                p.togglePlay();
            } else if (k == KeyCode.RIGHT && e.isShiftDown()) {
                p.runToNext(STACK);
            } else if (k == KeyCode.LEFT && e.isShiftDown()) {
                p.runToPrevious(STACK);
            } else if (k == KeyCode.RIGHT) {
                p.stepForward();
            } else if (k == KeyCode.LEFT) {
                p.stepBack();
            } else if (k == KeyCode.G) {
                p.runToNext(GC);
            } else if (k == KeyCode.HOME) {
                p.toStart();
            } else if (k == KeyCode.END) {
                p.toEnd();
            } else {
                handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }
}
