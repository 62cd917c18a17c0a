package dev.goroscope.app.workspace;

import dev.goroscope.app.lessons.Lesson;
import dev.goroscope.app.session.RunRequest;
import dev.goroscope.app.session.RunSession;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.timeline.PlaybackViewModel;
import dev.goroscope.app.util.Command;
import dev.goroscope.app.util.Threads;
import dev.goroscope.engine.runtime.Settings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: the program being shown (a lesson or a file), its text, the
 * settings it runs with, the run in progress, and the playback over that run's timeline. Running
 * never blocks the UI thread: the engine works on {@link Threads#worker()} and its state changes
 * come back through {@link Threads#ui()}.
 */
public final class WorkspaceViewModel {
    private final Threads threads;
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final StringProperty source = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("prog.go");
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.defaults());
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(new RunState.Stopped("not run yet"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Command run;
    private final Command stop;
    private RunSession session;

    public WorkspaceViewModel(Threads threads) {
        this.threads = threads;
        run = new Command(this::runProgram);
        stop = new Command(this::stopProgram, Bindings.createBooleanBinding(() -> !runState.get().ended(), runState));
        runState.addListener((o, a, s) -> status.set(describe(s)));
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    /** The program text, as the editor shows it. */
    public StringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** The lesson shown, or null for a file of the user's. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    /** One line saying where the run is, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Command runCommand() {
        return run;
    }

    public Command stopCommand() {
        return stop;
    }

    /** Shows a lesson and runs it. */
    public void open(Lesson l) {
        lesson.set(l);
        fileName.set(l.fileName());
        source.set(l.source());
        runProgram();
    }

    /** Shows a program of the user's and runs it. */
    public void open(String name, String text) {
        lesson.set(null);
        fileName.set(name);
        source.set(text);
        runProgram();
    }

    /** Compiles and runs the current text with the current settings; the previous run stops. */
    public void runProgram() {
        stopProgram();
        RunRequest req = new RunRequest(fileName.get(), source.get(), settings.get());
        runState.set(new RunState.Compiling());
        RunSession[] holder = new RunSession[1];
        holder[0] = new RunSession(req, s -> threads.ui().execute(() -> {
            if (session == holder[0]) {
                runState.set(s);
            }
        }));
        session = holder[0];
        playback.load(session.timeline());
        session.start(threads.worker());
    }

    /** Something went wrong outside a run (a file that cannot be read): said in the status line. */
    public void reportProblem(String message) {
        status.set(message);
    }

    public void stopProgram() {
        if (session != null && !session.state().ended()) {
            session.stop();
        }
    }

    static String describe(RunState s) {
        if (s instanceof RunState.Compiling) {
            return "Compiling…";
        } else if (s instanceof RunState.Running) {
            return "Running: the timeline is still growing";
        } else if (s instanceof RunState.Finished f) {
            return f.exitStatus() == 0 ? "Finished (exit status 0)" : "Finished with exit status " + f.exitStatus();
        } else if (s instanceof RunState.CompileFailed c) {
            return c.diagnostics().size() == 1 ? "Does not compile: " + c.diagnostics().get(0)
                    : "Does not compile: " + c.diagnostics().size() + " errors";
        } else if (s instanceof RunState.Stopped st) {
            return "Stopped: " + st.why();
        } else if (s instanceof RunState.Crashed c) {
            return c.message();
        }
        return "";
    }
}
