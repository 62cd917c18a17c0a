package dev.goroscope.engine.event;

import java.util.List;

/** Events of the program as a whole: output, lesson narration, pauses, settings, the end. */
public sealed interface ProgramEvent extends Event {

    /** The program wrote to stdout ({@code stderr=false}) or stderr. */
    record Output(long gid, String text, boolean stderr) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.OUTPUT;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " printed: " + text.strip();
        }
    }

    /**
     * A goroutine started executing another source line ({@code old}: the line it was on, 0
     * before its first). Emitted only when the run asks for line events (the app does, to mark
     * each goroutine's line and to stop at breakpoints).
     */
    record Line(long gid, int line, int old) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.LINE;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " is at line " + line;
        }
    }

    /** Lesson text from {@code viz.Say}. */
    record Narration(String text) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.NARRATION;
        }

        @Override
        public String narration() {
            return text;
        }
    }

    /** A breakpoint the lesson placed with {@code viz.Pause}. */
    record Paused(String why) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.PAUSE;
        }

        @Override
        public String narration() {
            return why.isEmpty() ? "paused" : "paused: " + why;
        }
    }

    /** A runtime setting changed while running ({@code debug.SetMaxStack}, {@code SetGCPercent}, ...). */
    record SettingChanged(String name, String oldValue, String newValue) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.SETTING;
        }

        @Override
        public String narration() {
            return name + ": " + oldValue + " -> " + newValue;
        }
    }

    /**
     * The program died: a runtime {@code throw}, or a detected lost object.
     *
     * @param stderr the exact lines the runtime prints
     */
    record Fatal(String reason, List<String> stderr, int exitStatus) implements ProgramEvent {
        public Fatal {
            stderr = List.copyOf(stderr);
        }

        @Override
        public EventKind kind() {
            return EventKind.FATAL;
        }

        @Override
        public String narration() {
            return "fatal error: " + reason + " (exit status " + exitStatus + ")";
        }
    }

    /** The program ended normally ({@code main} returned). */
    record Exited(int exitStatus) implements ProgramEvent {
        @Override
        public EventKind kind() {
            return EventKind.GOROUTINE;
        }

        @Override
        public String narration() {
            return "main returned: the program exits with status " + exitStatus;
        }
    }
}
