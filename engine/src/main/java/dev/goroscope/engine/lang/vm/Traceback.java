package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Goroutine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code runtime.Stack} writes (traceback.go's format): a header per goroutine
 * ({@code goroutine 1 [running]:}), then each frame from the innermost out as the function's
 * name and arguments on one line and {@code \tfile:line +0xoffset} on the next, then, for a
 * goroutine other than main, {@code created by} its creator and where the {@code go} statement
 * was. A frame gc inlined (no frame of its own) prints {@code name(...)} and no offset, as Go
 * prints inlined calls.
 *
 * <p>What is modelled: the program has no machine code, so an offset is the index of the VM
 * instruction (for a caller, the one after its call, as Go shows a return address), and the
 * arguments are not the register words Go prints: a function with parameters shows
 * {@code (...)}, one without shows {@code ()}. The file is the program's absolute path; a
 * frame's line is its call's (the line of the call's opening parenthesis, as gc records it).
 * Go hides the {@code runtime.*} frames of a parked goroutine (gopark and the like) but shows
 * library frames such as {@code time.Sleep} or {@code sync.(*WaitGroup).Wait}; here those
 * library calls are natives without frames, so a parked goroutine's innermost frame is the
 * program's function that made the call.
 */
public final class Traceback {
    /** Where a stock install keeps the standard library's sources, for library locations. */
    static final String GOROOT = "/usr/local/go";

    private Traceback() {}

    /** {@code runtime.Stack(buf, all)}'s text for the goroutine {@code t} (and, if all, every other). */
    public static String stack(Machine.Thread t, boolean all) {
        Machine m = t.machine;
        StringBuilder sb = new StringBuilder();
        goroutine(sb, m, t, "running");
        if (all) {
            List<Machine.Thread> others = new ArrayList<>(m.threads());
            others.sort((a, b) -> Long.compare(a.g.id(), b.g.id()));
            for (Machine.Thread o : others) {
                if (o == t || o.top == null || o.g.isDead()) {
                    continue;
                }
                Goroutine g = o.g;
                String state = g.status() == GStatus.WAITING ? g.waitReason().text() : g.status().tracebackWord();
                sb.append('\n');
                goroutine(sb, m, o, state);
            }
        }
        return sb.toString();
    }

    private static void goroutine(StringBuilder sb, Machine m, Machine.Thread t, String state) {
        String file = Path.of(m.fileName()).toAbsolutePath().normalize().toString();
        sb.append("goroutine ").append(t.g.id()).append(" [").append(state).append("]:\n");
        for (Machine.Frame f = t.top; f != null; f = f.caller) {
            Code c = f.code;
            boolean inlined = c.frame() == null;
            int callPc = f == t.top ? f.pc : Math.max(f.pc - 6, 0);
            int line = c.lineAt(callPc);
            for (int k = callPc; line == 0 && k < c.ops().length; k++) {
                line = c.lineAt(k); // not started yet: the function's first line
            }
            if (line == 0) {
                continue; // a generated wrapper (-fm, (*T).M) has no lines: traceback.go elides it
            }
            sb.append(c.name()).append(inlined || c.hasArgs() ? "(...)" : "()").append('\n');
            sb.append('\t').append(file).append(':').append(line);
            if (!inlined) {
                sb.append(" +0x").append(Long.toHexString(f.pc));
            }
            sb.append('\n');
        }
        if (t.createdBy != null) {
            sb.append("created by ").append(t.createdBy);
            if (m.runtime().settings().profile() == GoProfile.GO_1_23) {
                sb.append(" in goroutine ").append(t.g.parentId());
            }
            sb.append('\n').append('\t').append(t.createdAt).append('\n');
        }
    }
}
