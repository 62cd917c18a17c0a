package dev.goroscope.app;

import dev.goroscope.app.edits.AutosaveStore;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.settings.SettingsViewModel;
import dev.goroscope.app.util.Threads;
import dev.goroscope.app.workspace.WorkspaceView;
import dev.goroscope.app.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import dev.goroscope.engine.runtime.Settings;

/**
 * The Goroscope window. Arguments: a {@code .go} file to open, or a lesson id
 * ({@code 05-stack-shrink}); with none, the first lesson (the stack overflow) is loaded and run.
 */
public final class GoroscopeApp extends Application {
    /** The lesson shown when the app starts without a file. */
    public static final String FIRST_LESSON = "01-stack-overflow";

    /**
     * Is there a Go toolchain for exact frames? {@code go version} runs in the background from
     * {@link #main} on, while the toolkit starts, and is waited for only when the window is built.
     */
    private static volatile CompletableFuture<Optional<String>> goToolchain =
            CompletableFuture.completedFuture(Optional.empty());

    private Optional<String> goVersion = Optional.empty();

    @Override
    public void init() {
        goVersion = goToolchain.join();
    }

    @Override
    public void start(Stage stage) {
        LessonLibrary library = LessonLibrary.builtIn();
        WorkspaceViewModel vm = new WorkspaceViewModel(Threads.app(Platform::runLater),
                new SettingsViewModel(Settings.defaults(), goVersion), new AutosaveStore());
        WorkspaceView view = WorkspaceView.show(stage, vm, 1440, 900);
        stage.titleProperty().bind(vm.fileNameProperty().concat(" — Goroscope"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        openFromArguments(view, library, getParameters().getUnnamed());
    }

    static void openFromArguments(WorkspaceView view, LessonLibrary library, List<String> args) {
        String arg = args.isEmpty() ? FIRST_LESSON : args.get(0);
        if (arg.endsWith(".go") && Files.exists(Path.of(arg))) {
            view.open(Path.of(arg));
            return;
        }
        library.byId(arg).ifPresentOrElse(view.viewModel()::open, () -> {
            library.byId(FIRST_LESSON).ifPresent(view.viewModel()::open);
            view.viewModel().reportProblem("No such file or lesson: " + arg);
        });
    }

    public static void main(String[] args) {
        goToolchain = CompletableFuture.supplyAsync(SettingsViewModel::findGoToolchain);
        dev.goroscope.app.Warmup.start(FIRST_LESSON);
        launch(args);
    }
}
