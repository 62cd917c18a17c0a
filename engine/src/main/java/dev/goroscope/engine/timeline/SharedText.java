package dev.goroscope.engine.timeline;

/**
 * Program output shared by a replica and its checkpoints. Output at position {@code p} is a
 * prefix of the output at any later position of the same timeline, so one buffer serves every
 * copy and each {@link Cursor} keeps only its length: a checkpoint of a program that printed
 * megabytes costs nothing. A cursor fed different text forks its own prefix (see {@link UndoLog}).
 */
final class SharedText {
    private final StringBuilder text = new StringBuilder();

    /** One replica's length in a shared buffer. */
    static final class Cursor {
        private SharedText buf = new SharedText();
        private int len;

        Cursor copy() {
            Cursor c = new Cursor();
            c.buf = buf;
            c.len = len;
            return c;
        }

        void append(String s) {
            StringBuilder b = buf.text;
            int overlap = Math.min(s.length(), b.length() - len);
            for (int i = 0; i < overlap; i++) {
                if (b.charAt(len + i) != s.charAt(i)) {
                    SharedText f = new SharedText();
                    f.text.append(b, 0, len);
                    buf = f;
                    append(s);
                    return;
                }
            }
            if (overlap < s.length()) {
                b.append(s, overlap, s.length());
            }
            len += s.length();
        }

        void unappend(String s) {
            if (s.length() > len) {
                throw new IllegalStateException("undo of output that was never printed");
            }
            len -= s.length();
        }

        int length() {
            return len;
        }

        String text() {
            return buf.text.substring(0, len);
        }
    }
}
