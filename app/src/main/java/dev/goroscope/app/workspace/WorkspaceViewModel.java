package dev.goroscope.app.workspace;

import dev.goroscope.app.edits.AutosaveStore;
import dev.goroscope.app.lessons.Lesson;
import dev.goroscope.app.session.RunRequest;
import dev.goroscope.app.session.RunSession;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.settings.SettingsViewModel;
import dev.goroscope.app.timeline.PlaybackViewModel;
import dev.goroscope.app.util.Command;
import dev.goroscope.app.util.Threads;
import dev.goroscope.engine.runtime.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: the program being shown (a lesson or a file), its text, the
 * settings it runs with, the run in progress, and the playback over that run's timeline. Running
 * never blocks the UI thread: the engine works on {@link Threads#worker()} and its state changes
 * come back through {@link Threads#ui()}.
 *
 * <p>The user's text is never lost: edits of a lesson or a file are kept as drafts by the
 * {@link AutosaveStore} until saved, and come back when the same lesson or file is opened again.
 */
public final class WorkspaceViewModel {
    private final Threads threads;
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final StringProperty source = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("prog.go");
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final SettingsViewModel settings;
    private final AutosaveStore drafts;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private String savedText = "";
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(new RunState.Stopped("not run yet"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Command run;
    private final Command stop;
    private RunSession session;

    /** No drafts kept (tests), Go's default settings, no Go toolchain offered. */
    public WorkspaceViewModel(Threads threads) {
        this(threads, new SettingsViewModel(Settings.defaults(), Optional.empty()), null);
    }

    /** {@code drafts} may be null: then unsaved edits are not kept. */
    public WorkspaceViewModel(Threads threads, SettingsViewModel settings, AutosaveStore drafts) {
        this.threads = threads;
        this.settings = settings;
        this.drafts = drafts;
        source.addListener((o, a, b) -> dirty.set(!b.equals(savedText)));
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
        return settings.settingsProperty();
    }

    /** The settings panel's model: what the next run uses. */
    public SettingsViewModel settings() {
        return settings;
    }

    /** The file the program was read from or saved to; null for a lesson not saved yet. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The text differs from what was opened or last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
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

    /** Shows a lesson (with the user's unsaved edits of it, if any) and runs it. */
    public void open(Lesson l) {
        autosave();
        lesson.set(l);
        file.set(null);
        fileName.set(l.fileName());
        show(l.source());
    }

    /** Shows a program of the user's and runs it; {@code path} may be null (not from a file). */
    public void open(Path path, String name, String text) {
        autosave();
        lesson.set(null);
        file.set(path);
        fileName.set(name);
        show(text);
    }

    /** Shows a program that is not in a file and runs it. */
    public void open(String name, String text) {
        open(null, name, text);
    }

    private void show(String text) {
        savedText = text;
        String draft = null;
        String restored = null;
        if (drafts != null) {
            try {
                Optional<AutosaveStore.Draft> d = drafts.restore(draftKey(), text);
                if (d.isPresent()) {
                    draft = d.get().text();
                    restored = "Restored your unsaved edits of " + fileName.get() + " from "
                            + DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault())
                                    .format(d.get().savedAt());
                }
            } catch (IOException e) {
                restored = "Could not read the saved draft: " + e.getMessage();
            }
        }
        source.set(draft != null ? draft : text);
        dirty.set(!source.get().equals(savedText));
        runProgram();
        if (restored != null) {
            status.set(restored);
        }
    }

    /** The key of this program's draft: its file, its lesson, or its name. */
    String draftKey() {
        if (file.get() != null) {
            return AutosaveStore.fileKey(file.get());
        }
        return lesson.get() != null ? AutosaveStore.lessonKey(lesson.get().id()) : "untitled-" + fileName.get();
    }

    /** Keeps the current text as a draft if it has unsaved edits (the view calls it after typing stops). */
    public void autosave() {
        if (drafts == null || lesson.get() == null && file.get() == null && savedText.isEmpty()) {
            return;
        }
        try {
            drafts.record(draftKey(), source.get(), savedText);
        } catch (IOException e) {
            status.set("Could not keep a draft of your edits: " + e.getMessage());
        }
    }

    /** Writes the text to {@code target}; the program is then that file, and its draft goes. */
    public boolean save(Path target) {
        String oldKey = draftKey();
        try {
            Files.writeString(target, source.get(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            status.set("Could not save " + target + ": " + e.getMessage());
            return false;
        }
        file.set(target);
        fileName.set(target.getFileName().toString());
        savedText = source.get();
        dirty.set(false);
        if (drafts != null) {
            try {
                drafts.clear(oldKey);
                drafts.clear(draftKey());
            } catch (IOException e) {
                status.set("Saved, but an old draft could not be removed: " + e.getMessage());
                return true;
            }
        }
        status.set("Saved " + target);
        return true;
    }

    /** Compiles and runs the current text with the current settings; the previous run stops. */
    public void runProgram() {
        if (session != null) {
            session.stop(); // also ends the indexing of a finished run, which would hold the worker
        }
        RunRequest req = settings.request(fileName.get(), source.get());
        runState.set(new RunState.Compiling());
        RunSession[] holder = new RunSession[1];
        holder[0] = new RunSession(req, s -> threads.ui().execute(() -> {
            if (session == holder[0]) {
                runState.set(s);
            }
        }));
        holder[0].onIndexed(p -> threads.ui().execute(() -> playback.adopt(p)));
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
