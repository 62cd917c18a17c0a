package dev.goroscope.engine.cli;

import dev.goroscope.engine.event.EventJson;
import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.gotool.GoBuildException;
import dev.goroscope.engine.lang.gotool.GoToolchain;
import dev.goroscope.engine.runtime.GoRuntime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * {@code goroscope run [flags] prog.go}: like {@code go run}, on the simulated runtime. Program
 * output goes to stdout; compile errors and runtime failures to stderr in Go's wording, then
 * {@code exit status N} as {@code go run} prints it.
 */
final class Run {
    private Run() {}

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        RunOptions o;
        try {
            o = RunOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("goroscope run: " + e.getMessage());
            err.println(RunOptions.USAGE);
            return 2;
        }
        String src;
        try {
            src = Files.readString(o.file());
        } catch (NoSuchFileException e) {
            err.println("stat " + o.file() + ": no such file or directory");
            return 1;
        } catch (IOException e) {
            err.println("goroscope run: " + e.getMessage());
            return 1;
        }
        String name = o.file().getFileName().toString();
        GoProgram prog;
        try {
            prog = GoProgram.compile(name, src, o.settings().profile(),
                    () -> o.exactFrames() ? exactFrames(name, src) : null);
        } catch (GoProgram.CompileFailure e) {
            return compileErrors(err, e.diagnostics());
        } catch (ToolchainMissing e) {
            err.println("goroscope run: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("goroscope run: internal error in the compiler (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); nothing was run. Please report it with the program.");
            return 3;
        }
        return execute(o, prog, out, err);
    }

    /** As {@code go run} reports a failed build (go1.19 exits 2 then, measured). */
    private static int compileErrors(PrintStream err, List<Diagnostic> ds) {
        err.println("# command-line-arguments");
        for (Diagnostic d : ds) {
            err.println("./" + d.file() + ":" + d.line() + ":" + d.col() + ": " + d.message());
        }
        return 2;
    }

    private static final class ToolchainMissing extends RuntimeException {
        ToolchainMissing(String m) {
            super(m, null, false, false);
        }
    }

    private static CompilerFacts exactFrames(String name, String src) {
        GoToolchain go = GoToolchain.find().orElseThrow(() ->
                new ToolchainMissing("--frames=go needs the Go toolchain, and there is no 'go' on the PATH"));
        try {
            return go.compile(name, src);
        } catch (GoBuildException e) {
            throw new ToolchainMissing("gc rejected the program:\n" + e.getMessage());
        } catch (IOException e) {
            throw new ToolchainMissing("could not run the Go toolchain: " + e.getMessage());
        }
    }

    private static int execute(RunOptions o, GoProgram prog, PrintStream out, PrintStream err) {
        BufferedWriter trace = null;
        try {
            EventSink sink = EventSink.NONE;
            if (o.trace() != null) {
                BufferedWriter w = Files.newBufferedWriter(o.trace());
                trace = w;
                sink = e -> {
                    try {
                        w.write(EventJson.toJson(e));
                        w.newLine();
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                };
            }
            // The runtime's own stderr lines (gctrace) are events, not program output: print them.
            EventSink traceSink = sink;
            sink = e -> {
                if (e instanceof ProgramEvent.Output line && line.gid() == 0 && line.stderr()) {
                    out.flush();
                    err.print(line.text());
                }
                traceSink.emit(e);
            };
            GoRuntime rt = new GoRuntime(o.settings(), sink);
            int status = prog.sourcePath(o.file().toString()).run(rt, out, err, o.maxSteps(), 0);
            out.flush();
            if (o.memstats()) {
                err.println(rt.readMemStats().format());
            }
            if (status != 0) {
                err.println("exit status " + status);
            }
            return status;
        } catch (IOException | UncheckedIOException e) {
            err.println("goroscope run: trace: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.flush();
            if (System.getenv("GOROSCOPE_DEBUG") != null) { e.printStackTrace(err); }
            err.println("goroscope run: internal error in the simulator (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the program was stopped. Please report it with the program.");
            return 3;
        } catch (OutOfMemoryError e) {
            out.flush();
            err.println("goroscope run: the simulation needs more memory than the JVM has"
                    + " (give it more with JAVA_OPTS=-Xmx4g); the program was stopped");
            return 3;
        } finally {
            if (trace != null) {
                try {
                    trace.close();
                } catch (IOException ignored) {
                    // the run's own status is what matters
                }
            }
        }
    }


}
