package dev.goroscope.engine.lang;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.check.Checker;
import dev.goroscope.engine.lang.check.GoCompileError;
import dev.goroscope.engine.lang.check.GoVersion;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.compile.ProgramCompiler;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Settings;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A Go program compiled for the simulated runtime: the one entry point for everything that runs
 * Go (the {@code goroscope run} command, the app). Compiling never runs anything; running
 * records every runtime event into a sink (the app's timeline) while the program's output goes
 * to the given streams as well.
 */
public final class GoProgram {
    private final String fileName;
    private final ProgramCompiler.Program program;
    private final AtomicReference<Machine> running = new AtomicReference<>();
    private volatile String sourcePath;

    private GoProgram(String fileName, ProgramCompiler.Program program) {
        this.fileName = fileName;
        this.program = program;
    }

    /** Why a program did not compile: Go-style diagnostics ({@code prog.go:3:14: message}). */
    public static final class CompileFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> diagnostics;

        public CompileFailure(List<Diagnostic> diagnostics) {
            super(Diagnostic.lines(diagnostics), null, false, false);
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /** {@link #compile(String, String, GoProfile, Supplier)} with estimated frames. */
    public static GoProgram compile(String fileName, String source, GoProfile profile) throws CompileFailure {
        return compile(fileName, source, profile, () -> null);
    }

    /**
     * Parses, checks and compiles {@code source}. {@code facts} is asked, once the program has
     * passed the checker, for gc's frame sizes and escape notes (exact mode), or gives null for
     * the estimator.
     *
     * @throws CompileFailure for syntax errors, type errors and unsupported features, in gc's words
     */
    public static GoProgram compile(String fileName, String source, GoProfile profile, Supplier<CompilerFacts> facts)
            throws CompileFailure {
        try {
            SourceFile f = Parser.parse(fileName, source);
            Info info = Checker.check(f, profile == GoProfile.GO_1_19 ? GoVersion.V1_19 : GoVersion.V1_23);
            return new GoProgram(fileName, ProgramCompiler.compile(f, info, facts.get()));
        } catch (GoSyntaxError e) {
            throw new CompileFailure(e.diagnostics());
        } catch (GoCompileError e) {
            throw new CompileFailure(e.diagnostics());
        }
    }

    /**
     * Runs the program to its end on a fresh runtime; returns the exit status (0, 2 for a fatal
     * error or an unrecovered panic, 3 when {@code maxSteps} ran out, {@link Machine#STOPPED}
     * after {@link #stop()}). One run at a time per compiled program.
     */
    public int run(Settings settings, EventSink sink, PrintStream out, PrintStream err, long maxSteps) {
        return run(new GoRuntime(settings, sink), out, err, maxSteps, 0);
    }

    /**
     * Where the source file is, as the user named it: tracebacks print it the way Go prints the
     * path it compiled ({@code runtime.Stack} makes it absolute). Without it, the bare file name.
     */
    public GoProgram sourcePath(String path) {
        sourcePath = path;
        return this;
    }

    /**
     * {@link #run(Settings, EventSink, PrintStream, PrintStream, long)} on a runtime the caller
     * made, with up to {@code lineEvents} source-line events (0 for none).
     */
    public int run(GoRuntime rt, PrintStream out, PrintStream err, long maxSteps, long lineEvents) {
        Machine m = new Machine(rt, out, err, sourcePath != null ? sourcePath : fileName, maxSteps);
        m.emitLineEvents(lineEvents);
        m.globals(program.globalInts(), program.globalRefs());
        running.set(m);
        try {
            return m.run(program.init(), program.main());
        } finally {
            running.set(null);
        }
    }

    /** Stops the run in progress, from any thread; it ends within a few thousand instructions. */
    public void stop() {
        Machine m = running.get();
        if (m != null) {
            m.cancel();
        }
    }
}
