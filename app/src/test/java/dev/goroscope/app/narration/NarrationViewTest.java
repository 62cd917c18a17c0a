package dev.goroscope.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Fx;
import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The narration strip keeps its height while a run plays, so shorter texts do not re-lay out the
 * views above it every few frames; back at the run's start it fits its text again.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationViewTest {
    private final Timeline t = Runs.lesson("01-stack-overflow");
    private final Player player = new Player(t);
    private final SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(player.snapshot());
    private NarrationView view;

    @Start
    void start(Stage stage) {
        view = new NarrationView(new NarrationViewModel(snap, new SimpleLongProperty(t.size()), () -> t));
        BorderPane root = new BorderPane();
        root.setBottom(view);
        stage.setScene(new Scene(root, 700, 500));
        stage.show();
    }

    @Test
    void theStripNeverShrinksDuringARunAndFitsAgainAtItsStart() {
        double first = height();
        // step through growths: the one past 1 MiB brings a two-line seed correction, later ones do not
        double tallest = first;
        double previous = first;
        while (Fx.call(() -> player.runToNext(EnumSet.of(EventKind.STACK_GROW)))) {
            Fx.run(() -> snap.set(player.snapshot()));
            double h = height();
            assertThat(h).as("height at step %d", player.position()).isGreaterThanOrEqualTo(previous);
            tallest = Math.max(tallest, h);
            previous = h;
        }
        assertThat(tallest).as("a correction made it taller").isGreaterThan(first);
        // the first step's short narration, no correction: the strip stays as tall
        Fx.run(() -> {
            player.seek(1);
            snap.set(player.snapshot());
        });
        assertThat(height()).isEqualTo(tallest);
        assertThat(Fx.call(() -> view.prefHeight(view.getWidth()))).as("its text alone would take less")
                .isLessThan(tallest - 1);
        Fx.run(() -> {
            player.seek(0);
            snap.set(player.snapshot());
        });
        assertThat(height()).as("back at the start, the first step's height").isEqualTo(first);
    }

    private double height() {
        Fx.run(() -> view.getScene().getRoot().layout());
        return Fx.call(() -> {
            view.getScene().getRoot().layout();
            return view.getHeight();
        });
    }
}
