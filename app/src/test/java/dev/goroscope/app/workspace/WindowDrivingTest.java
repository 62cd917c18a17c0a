package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.util.Threads;
import dev.goroscope.engine.event.ProgramEvent;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A user at the window: the picker, the keyboard, the gutter, the editor; headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class WindowDrivingTest {
    private WorkspaceView view;
    private WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new WorkspaceViewModel(Threads.app(Platform::runLater));
        view = WorkspaceView.show(stage, vm, 1440, 900);
    }

    private void ended() {
        Fx.waitFor(120, () -> vm.runStateProperty().get().ended());
    }

    @Test
    void openALessonFromThePickerByTypingPlayAndStepBack(FxRobot robot) {
        robot.clickOn("#lessons");
        robot.clickOn("#lesson-search");
        robot.write("shrink");
        robot.type(KeyCode.ENTER);
        Fx.waitFor(10, () -> vm.lessonProperty().get() != null);
        assertThat(vm.lessonProperty().get().id()).isEqualTo("05-stack-shrink");
        ended();
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(0));

        robot.clickOn(view.stacks()); // focus the window's content, not a text field
        robot.type(KeyCode.SPACE);
        Fx.waitFor(10, () -> vm.playback().positionProperty().get() > 0);
        robot.type(KeyCode.SPACE);
        Fx.waitFor(5, () -> !vm.playback().playingProperty().get());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        long at = Fx.call(() -> vm.playback().positionProperty().get());
        robot.type(KeyCode.LEFT);
        assertThat(Fx.call(() -> vm.playback().positionProperty().get())).isEqualTo(at - 1);
        robot.type(KeyCode.END);
        assertThat(Fx.call(() -> vm.playback().snapshot().exited())).isTrue();
        robot.type(KeyCode.HOME);
        assertThat(Fx.call(() -> vm.playback().positionProperty().get())).isZero();
    }

    @Test
    void aGutterBreakpointStopsPlayOnItsLine(FxRobot robot) {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId("03-stackinuse").orElseThrow()));
        ended();
        int line = Fx.call(() -> {
            String[] lines = vm.sourceProperty().get().split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                if (lines[k].contains("fmt.Println")) {
                    return k + 1;
                }
            }
            throw new AssertionError("no Println in the lesson");
        });
        Fx.run(() -> view.source().breakpoints().clear());
        Fx.run(() -> view.sourceView().lines().scrollTo(line - 1));
        robot.sleep(200);
        Node number = robot.lookup(".line-number").match(n -> n instanceof Label l && l.getText().equals("" + line))
                .query();
        robot.clickOn(number);
        assertThat(Fx.call(() -> view.source().breakpoints())).containsExactly(line);
        Fx.run(() -> {
            vm.playback().speedProperty().set(10);
            vm.playback().play();
        });
        Fx.waitFor(60, () -> !vm.playback().playingProperty().get());
        long p = Fx.call(() -> vm.playback().positionProperty().get());
        var e = Fx.call(() -> vm.playback().timeline().get(p));
        assertThat(e).isInstanceOf(ProgramEvent.Line.class);
        assertThat(((ProgramEvent.Line) e).line()).isEqualTo(line);
    }

    @Test
    void aCompileErrorIsShownAtItsLineAndTheTextSurvives(FxRobot robot) {
        Fx.run(() -> vm.open("mine.go", "package main\n\nfunc main() {\n\tprintln(1)\n}\n"));
        ended();
        robot.clickOn("Edit");
        TextArea editor = robot.lookup(".code-editor").queryAs(TextArea.class);
        robot.clickOn(editor);
        Fx.run(() -> editor.positionCaret(editor.getText().indexOf("println")));
        robot.write("y := 2\n\t");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        ended();
        assertThat(vm.runStateProperty().get()).isInstanceOf(RunState.CompileFailed.class);
        assertThat(Fx.call(() -> vm.statusProperty().get()))
                .isEqualTo("Does not compile: mine.go:4:2: y declared but not used");
        assertThat(Fx.call(() -> vm.sourceProperty().get())).contains("y := 2").contains("println(1)");
        robot.clickOn("Edit"); // back to the listing, where the message sits under its line
        Label msg = robot.lookup(".diagnostic").queryAs(Label.class);
        assertThat(msg.getText()).endsWith("^ y declared but not used");
        var error = javafx.css.PseudoClass.getPseudoClass("error");
        assertThat(robot.lookup(".code-line").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(error))
                .map(n -> (Object) ((ListCell<?>) n).getItem()).toList()).containsExactly((Object) 4);
    }

    @Test
    void changingASettingReRunsTheProgram(FxRobot robot) {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId("03-stackinuse").orElseThrow()));
        ended();
        var before = Fx.call(() -> vm.playback().timeline());
        robot.clickOn("Settings");
        javafx.scene.control.TextField gogc = Fx.call(
                () -> (javafx.scene.control.TextField) view.lookup("#setting-GOGC"));
        robot.clickOn(gogc);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("off");
        // After a short pause the program runs again, with the collector off.
        Fx.waitFor(30, () -> vm.playback().timeline() != before && vm.runStateProperty().get().ended());
        assertThat(Fx.call(() -> vm.settingsProperty().get().gogc())).isNegative();
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(0));
    }
}
