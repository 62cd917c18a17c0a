package dev.goroscope.app.session;

import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.gotool.GoBuildException;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Timeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One run of one program: compiled and run on a worker (never the UI thread), recording every
 * runtime event into a {@link Timeline} that the UI may read and play while it grows. The
 * program's output is in the timeline (output events); the streams the machine also writes to are
 * discarded here.
 *
 * <p>State changes are reported through {@code onState}, called on the worker; view models hand
 * them to the UI thread themselves.
 */
public final class RunSession {
    /**
     * Source-line events a run records at most (one per statement executed): enough for every
     * lesson; a longer run goes on without them.
     */
    public static final long LINE_EVENTS = 5_000_000;

    private final RunRequest request;
    private final Timeline timeline = new Timeline();
    private final Consumer<RunState> onState;
    private volatile RunState state = new RunState.Compiling();
    private volatile GoProgram program;
    private volatile boolean stopRequested;
    private volatile Consumer<Player> onIndexed = p -> { };

    /** A run of {@code request}, not started yet; {@code onState} hears each state change. */
    public RunSession(RunRequest request, Consumer<RunState> onState) {
        this.request = request;
        this.onState = onState;
    }

    /**
     * Hears, on the worker, a player that has been through the whole ended run once, so it has
     * checkpoints all along it: scrubbing with it reaches any step in a few thousand events. (A
     * fresh player makes its checkpoints as positions are first reached, so the first jump to the
     * end of a ten-million-event run would replay all of it.)
     */
    public RunSession onIndexed(Consumer<Player> listener) {
        onIndexed = listener;
        return this;
    }

    /** Compiles and runs on {@code worker} (a same-thread executor runs it all before returning). */
    public RunSession start(Executor worker) {
        worker.execute(this::work);
        return this;
    }

    public RunRequest request() {
        return request;
    }

    /** The events so far; complete once {@link #state()} has ended. */
    public Timeline timeline() {
        return timeline;
    }

    public RunState state() {
        return state;
    }

    /** Asks the run to stop; it does within a few thousand instructions. Safe from any thread. */
    public void stop() {
        stopRequested = true;
        GoProgram p = program;
        if (p != null) {
            p.stop();
        }
    }

    private void work() {
        set(new RunState.Compiling());
        GoProgram p;
        try {
            p = GoProgram.compile(request.fileName(), request.source(), request.settings().profile(), this::facts);
        } catch (GoProgram.CompileFailure e) {
            set(new RunState.CompileFailed(e.diagnostics()));
            return;
        } catch (ToolchainProblem e) {
            set(new RunState.Crashed(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            set(new RunState.Crashed("internal error in Goroscope's compiler (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Your program is unchanged; please report it with the program."));
            return;
        }
        program = p;
        if (stopRequested) {
            set(new RunState.Stopped("stopped before it started"));
            return;
        }
        set(new RunState.Running());
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        try {
            int status = p.run(new GoRuntime(request.settings(), timeline), sink, sink, request.maxSteps(),
                    LINE_EVENTS);
            if (status == Machine.STOPPED) {
                set(new RunState.Stopped("stopped"));
            } else if (status == 3) {
                set(new RunState.Stopped("stopped after " + request.maxSteps() + " instructions (a runaway program?)"));
            } else {
                set(new RunState.Finished(status));
            }
            index();
        } catch (OutOfMemoryError e) {
            set(new RunState.Stopped("the simulation needs more memory than Goroscope has; the run so far is kept"));
        } catch (RuntimeException e) {
            set(new RunState.Crashed("internal error in Goroscope's simulator (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). The run so far is kept; please report it with the program."));
        }
    }

    /** Walks a player to the end of the run, making its checkpoints, unless the run was replaced. */
    private void index() {
        if (stopRequested || timeline.size() < INDEX_FROM) {
            return;
        }
        Player p = new Player(timeline);
        for (long pos = 0; pos < timeline.size(); pos = Math.min(pos + 250_000, timeline.size())) {
            if (stopRequested) {
                return; // a new run is waiting for this worker
            }
            p.seek(Math.min(pos + 250_000, timeline.size()));
        }
        if (!stopRequested) {
            onIndexed.accept(p);
        }
    }

    /** Runs shorter than this are quick to replay anyway: no indexing. */
    public static final long INDEX_FROM = 200_000;

    private CompilerFacts facts() {
        if (!request.exactFrames()) {
            return null;
        }
        GoToolchain go = GoToolchain.find().orElseThrow(() ->
                new ToolchainProblem("Exact frames need the Go toolchain, and there is no 'go' on the PATH."));
        try {
            return go.compile(request.fileName(), request.source());
        } catch (GoBuildException e) {
            throw new ToolchainProblem("gc rejected the program:\n" + e.getMessage());
        } catch (IOException e) {
            throw new ToolchainProblem("could not run the Go toolchain: " + e.getMessage());
        }
    }

    private void set(RunState s) {
        state = s;
        onState.accept(s);
    }

    private static final class ToolchainProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolchainProblem(String m) {
            super(m, null, false, false);
        }
    }
}
