package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.vm.Machine.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * What an unrecovered panic prints ({@code fatalpanic}): every active panic, oldest first, each
 * later one after a tab, a recovered one marked {@code [recovered]} ({@code printpanics}); the
 * SIGSEGV line when a nil dereference started them; then the goroutine's traceback, with the
 * runtime's frames hidden except a {@code gopanic} below a deferred call, shown as {@code panic}.
 */
final class PanicTrace {
    private PanicTrace() {}

    /**
     * What {@code fatalpanic} prints: every active panic, oldest first ({@code printpanics}),
     * the signal if one caused them, then the goroutine's traceback.
     */
    static List<String> fatalLines(Machine m, Machine.Thread t) {
        Defers.G st = t.defers;
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        printpanics(st.panic, sb);
        lines.addAll(List.of(sb.toString().split("\n", -1)));
        lines.remove(lines.size() - 1);
        if (st.sig) {
            Frame at = st.panic.frame.caller;
            for (Defers.Panic p = st.panic; p != null; p = p.link) {
                at = p.frame.caller;
            }
            lines.add("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"
                    + Long.toHexString(0x401000L + (at == null ? 0 : at.pc)) + "]");
        }
        lines.add("");
        lines.addAll(traceback(m, t));
        return lines;
    }

    private static void printpanics(Defers.Panic p, StringBuilder sb) {
        if (p.link != null) {
            printpanics(p.link, sb);
            if (!p.link.goexit) {
                sb.append('\t');
            }
        }
        if (p.goexit) {
            return;
        }
        sb.append("panic: ").append(p.value.getMessage());
        if (p.recovered) {
            sb.append(" [recovered]");
        }
        sb.append('\n');
    }

    /**
     * The running goroutine's frames, innermost first, as a traceback shows them: runtime frames
     * hidden, except a gopanic below a deferred call, shown as {@code panic}.
     */
    static List<String> traceback(Machine m, Machine.Thread t) {
        List<String> out = new ArrayList<>();
        out.add(m.rt.settings().profile().goroutineHeader(t.g.id(), "running"));
        Frame above = null;
        for (Frame f = t.top; f != null; above = f, f = f.caller) {
            if (f.code == Defers.DEFERRETURN || f.code == Defers.GOEXIT) {
                continue;
            }
            if (f.code == Defers.GOPANIC) {
                if (above != null) {
                    out.add("panic(...)");
                    out.add("\truntime/panic.go");
                }
                continue;
            }
            out.add(f.code.name() + "(...)");
            out.add("\t" + m.fileName() + ":" + f.code.lineAt(callPc(t, f, above)));
        }
        return out;
    }

    /** The pc of the instruction a frame is in: its call's, unless it runs a deferred call or a runtime frame. */
    private static int callPc(Machine.Thread t, Frame f, Frame above) {
        if (above == null || above.code == Defers.GOPANIC || above.code == Defers.DEFERRETURN || above.code == Defers.GOEXIT) {
            return f.pc;
        }
        Defers.FrameState as = t.defers == null ? null : t.defers.frames.get(above);
        if (as != null && as.deferCall != null) {
            return f.pc;
        }
        return Math.max(f.pc - 6, 0);
    }
}
