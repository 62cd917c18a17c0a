package dev.goroscope.engine.lang.gotool;

import java.util.List;
import java.util.Map;

/**
 * What gc decided about a program, read from {@code go build -gcflags='-S -m'}: each
 * function's frame as its {@code TEXT} line states it, and the escape and inlining decisions.
 *
 * @param goVersion e.g. {@code go1.19.8}
 * @param frames    by symbol ({@code main.f}, {@code main.(*T).Len}, {@code main.main.func1})
 * @param notes     the {@code -m} lines for the program's own file, in order
 */
public record CompilerFacts(String goVersion, Map<String, Frame> frames, List<Note> notes) {
    public CompilerFacts {
        frames = Map.copyOf(frames);
        notes = List.copyOf(notes);
    }

    /**
     * A {@code TEXT} line: {@code TEXT main.deep(SB), ABIInternal, $1048-8}.
     *
     * @param frameSize the {@code $N}: locals, spills, outgoing args and saved BP
     * @param argSize   the {@code -M}: arguments and results in memory
     * @param nosplit   no prologue check (a leaf with a small frame): it can never grow the stack
     */
    public record Frame(String symbol, long frameSize, long argSize, boolean nosplit, int line) {}

    /** One {@code -m} line: {@code ./prog.go:16:2: moved to heap: c}. */
    public record Note(int line, int col, String message) {
        public boolean movedToHeap() {
            return message.startsWith("moved to heap: ");
        }

        public boolean escapes() {
            return message.endsWith(" escapes to heap");
        }

        public boolean inliningCall() {
            return message.startsWith("inlining call to ");
        }
    }

    /** The variables gc moved to the heap, by name, with their positions. */
    public List<Note> movedToHeap() {
        return notes.stream().filter(Note::movedToHeap).toList();
    }

    /** Whether the call at this position was inlined (so it makes no frame). */
    public boolean inlinedAt(int line, int col) {
        return notes.stream().anyMatch(n -> n.inliningCall() && n.line() == line && n.col() == col);
    }
}
