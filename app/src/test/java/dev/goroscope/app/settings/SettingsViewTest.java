package dev.goroscope.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.Settings;
import java.awt.image.BufferedImage;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The panel headless: edits in the property sheets reach the view model, refusals are shown. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private SettingsViewModel vm;
    private SettingsView view;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        vm = new SettingsViewModel(Settings.defaults(), Optional.empty());
        view = new SettingsView(vm);
        view.setStyle("-fx-font-size: 20px;");
        Scene scene = new Scene(view, 900, 1180);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private <T extends Node> T editor(String name, Class<T> type) {
        return type.cast(view.lookup("#" + FieldEditors.id(name)));
    }

    @Test
    void typingInTheSheetChangesTheSettings(FxRobot robot) {
        TextField gogc = Fx.call(() -> editor("GOGC", TextField.class));
        robot.clickOn(gogc);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("50");
        Fx.waitFor(5, () -> vm.settingsProperty().get().gogc() == 50);
        assertThat(vm.settingsProperty().get()).isEqualTo(Settings.defaults().withGogc(50));
        assertThat(Fx.call(() -> view.shownFieldProperty().get().name())).isEqualTo("GOGC");
        assertThat(Fx.call(() -> ((Label) view.lookup("#settings-command")).getText()))
                .isEqualTo("GOGC=50 goroscope run prog.go");
    }

    @Test
    void choicesAndChecksAreBoundBothWays() {
        @SuppressWarnings("unchecked")
        ChoiceBox<BarrierMode> barrier = Fx.call(() -> editor("Write barrier", ChoiceBox.class));
        assertThat(Fx.call(() -> barrier.getItems())).containsExactly(BarrierMode.values());
        Fx.run(() -> barrier.setValue(BarrierMode.DIJKSTRA));
        assertThat(vm.settingsProperty().get().barrier()).isEqualTo(BarrierMode.DIJKSTRA);
        CheckBox trace = Fx.call(() -> editor("gctrace", CheckBox.class));
        Fx.run(trace::fire);
        assertThat(vm.settingsProperty().get().gctrace()).isTrue();
        assertThat(Fx.call(trace::getText)).isEqualTo("on");
        Fx.run(() -> vm.settingsProperty().set(Settings.defaults()));
        assertThat(Fx.call(barrier::getValue)).isEqualTo(BarrierMode.HYBRID);
        assertThat(Fx.call(trace::isSelected)).isFalse();
        ChoiceBox<?> frames = Fx.call(() -> editor("Frame sizes", ChoiceBox.class));
        assertThat(Fx.call(frames::isDisabled)).as("no Go toolchain in this view model").isTrue();
        assertThat(Fx.call(() -> ((Label) view.lookup("#settings-frames-note")).getText()))
                .contains("no Go toolchain on the PATH");
    }

    /** A refused value: the message shows, the field is marked, and the snapshot for a person to look at. */
    @Test
    void aRefusedValueIsExplainedAndMarked() {
        TextField limit = Fx.call(() -> editor("GOMEMLIMIT", TextField.class));
        TextField gogc = Fx.call(() -> editor("GOGC", TextField.class));
        Fx.run(() -> {
            vm.gcShrinkStackOffProperty().set(true);
            vm.barrierProperty().set(BarrierMode.NONE);
            limit.requestFocus();
            limit.setText("16MB");
        });
        Fx.waitFor(5, () -> view.shownFieldProperty().get() != null);
        Label error = Fx.call(() -> (Label) view.lookup("#settings-error"));
        assertThat(Fx.call(error::isVisible)).isTrue();
        assertThat(Fx.call(error::getText)).startsWith("malformed GOMEMLIMIT \"16MB\"");
        assertThat(Fx.call(() -> limit.getPseudoClassStates())).contains(FieldEditors.INVALID);
        assertThat(Fx.call(() -> ((Label) view.lookup("#settings-help")).getText())).contains("GOMEMLIMIT: a soft");

        BufferedImage img = Fx.snapshot(view);
        Fx.save(img, "settings");
        assertThat(img.getWidth()).isEqualTo(900);
        // The refused field is drawn differently from a good one of the same kind (its background,
        // just inside the border, away from the text).
        assertThat(insideCorner(img, bounds(limit))).isNotEqualTo(insideCorner(img, bounds(gogc)));
        // The error box is on screen and not blank.
        assertThat(distinctColours(img, bounds(error))).isGreaterThan(3);

        Fx.run(() -> limit.setText("16MiB"));
        assertThat(Fx.call(error::isVisible)).isFalse();
        assertThat(vm.settingsProperty().get().memoryLimit()).isEqualTo(16L << 20);
    }

    private Bounds bounds(Node n) {
        return Fx.call(() -> view.sceneToLocal(n.localToScene(n.getBoundsInLocal())));
    }

    private static int insideCorner(BufferedImage img, Bounds b) {
        return img.getRGB((int) b.getMinX() + 5, (int) b.getMinY() + 5) & 0xffffff;
    }

    private static long distinctColours(BufferedImage img, Bounds b) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = (int) Math.max(0, b.getMinY()); y < Math.min(img.getHeight(), b.getMaxY()); y++) {
            for (int x = (int) Math.max(0, b.getMinX()); x < Math.min(img.getWidth(), b.getMaxX()); x++) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
