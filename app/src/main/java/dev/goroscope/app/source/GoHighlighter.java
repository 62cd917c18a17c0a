package dev.goroscope.app.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Go source into coloured spans, line by line: comments (also {@code /* *&#47;} across
 * lines), strings (raw strings across lines), runes, numbers, keywords, predeclared names, and
 * the rest. Only for colour: it never rejects anything, however malformed.
 */
public final class GoHighlighter {

    /** What a span is, for its colour. */
    public enum Kind { PLAIN, KEYWORD, BUILTIN, STRING, NUMBER, COMMENT, FUNCTION }

    /** {@code text} of one kind, within one line. */
    public record Span(Kind kind, String text) {}

    private static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default",
            "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var");
    private static final Set<String> BUILTINS = Set.of("append", "cap", "clear", "close", "copy", "delete", "len",
            "make", "max", "min", "new", "panic", "print", "println", "recover", "bool", "byte", "error", "float32",
            "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32",
            "uint64", "uintptr", "any", "true", "false", "nil", "iota");

    private GoHighlighter() {}

    /** The spans of each line of {@code src} (lines split at {@code \n}). */
    public static List<List<Span>> highlight(String src) {
        List<List<Span>> lines = new ArrayList<>();
        List<Span> cur = new ArrayList<>();
        int i = 0;
        int n = src.length();
        Kind open = null; // a block comment or raw string still open at a line end
        StringBuilder pending = new StringBuilder();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                flush(cur, open, pending);
                lines.add(cur);
                cur = new ArrayList<>();
                i++;
                continue;
            }
            if (open == Kind.COMMENT) {
                if (src.startsWith("*/", i)) {
                    pending.append("*/");
                    flush(cur, Kind.COMMENT, pending);
                    open = null;
                    i += 2;
                } else {
                    pending.append(c);
                    i++;
                }
                continue;
            }
            if (open == Kind.STRING) {
                pending.append(c);
                i++;
                if (c == '`') {
                    flush(cur, Kind.STRING, pending);
                    open = null;
                }
                continue;
            }
            if (src.startsWith("//", i)) {
                int end = lineEnd(src, i);
                cur.add(new Span(Kind.COMMENT, src.substring(i, end)));
                i = end;
            } else if (src.startsWith("/*", i)) {
                open = Kind.COMMENT;
                pending.append("/*");
                i += 2;
            } else if (c == '`') {
                open = Kind.STRING;
                pending.append('`');
                i++;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' && j + 1 < n && src.charAt(j + 1) != '\n' ? 2 : 1;
                }
                j = Math.min(n, j < n && src.charAt(j) == c ? j + 1 : j);
                cur.add(new Span(Kind.STRING, src.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.'
                        || src.charAt(j) == '_')) {
                    j++;
                }
                cur.add(new Span(Kind.NUMBER, src.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '_')) {
                    j++;
                }
                String w = src.substring(i, j);
                Kind k = KEYWORDS.contains(w) ? Kind.KEYWORD : BUILTINS.contains(w) ? Kind.BUILTIN
                        : j < n && src.charAt(j) == '(' ? Kind.FUNCTION : Kind.PLAIN;
                cur.add(new Span(k, w));
                i = j;
            } else {
                int j = i + 1;
                while (j < n && !Character.isLetterOrDigit(src.charAt(j)) && "\"'`/\n_".indexOf(src.charAt(j)) < 0) {
                    j++;
                }
                cur.add(new Span(Kind.PLAIN, src.substring(i, j)));
                i = j;
            }
        }
        flush(cur, open, pending);
        lines.add(cur);
        return lines;
    }

    private static void flush(List<Span> cur, Kind open, StringBuilder pending) {
        if (pending.length() > 0) {
            cur.add(new Span(open == null ? Kind.PLAIN : open, pending.toString()));
            pending.setLength(0);
        }
    }

    private static int lineEnd(String s, int from) {
        int e = s.indexOf('\n', from);
        return e < 0 ? s.length() : e;
    }
}
