package dev.goroscope.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.app.util.Threads;
import dev.goroscope.engine.event.EventKind;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window, headless: a lesson loads, runs on the worker, and can be stepped. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceViewTest {
    private WorkspaceView view;
    private WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        vm = new WorkspaceViewModel(Threads.app(Platform::runLater));
        view = new WorkspaceView(vm, LessonLibrary.builtIn());
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theOverflowLessonRunsAndStepsToAStackGrowth() {
        Fx.run(() -> vm.open(LessonLibrary.builtIn().byId("01-stack-overflow").orElseThrow()));
        Fx.waitFor(120, () -> vm.runStateProperty().get().ended());
        assertThat(vm.runStateProperty().get()).isEqualTo(new RunState.Finished(2));
        Fx.run(() -> {
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
            vm.playback().runToNext(EnumSet.of(EventKind.STACK_GROW));
        });
        BufferedImage img = Fx.snapshot(view);
        Fx.save(img, "workspace-overflow-growth");
        assertThat(img.getWidth()).isEqualTo(1440);
        assertThat(vm.playback().snapshot().goroutines()).isNotEmpty();
    }
}
