package dev.goroscope.engine.cli;

import java.io.PrintStream;

/** Entry point of the {@code goroscope} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String cmd = args.length == 0 ? "demo" : args[0];
        switch (cmd) {
            case "demo":
                return Demo.run(out, args.length > 1 && args[1].equals("--all"));
            case "run":
                return Run.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), out, err);
            case "bench":
                return Bench.run(out, java.util.Arrays.copyOfRange(args, 1, args.length));
            case "-h":
            case "--help":
            case "help":
                out.println(usage());
                return 0;
            default:
                err.println("goroscope: unknown command " + cmd);
                err.println(usage());
                return 2;
        }
    }

    private static String usage() {
        return String.join("\n",
                "usage: goroscope <command>",
                "  run [flags] prog.go   run a Go program on the simulated runtime, like go run",
                "  demo [--all]   play the built-in lesson and print its narrated events",
                "  bench [name]   run the engine benchmarks and print a table of measured times");
    }
}
