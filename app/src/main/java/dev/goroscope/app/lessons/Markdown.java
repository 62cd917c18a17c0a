package dev.goroscope.app.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/**
 * Just enough Markdown for the lesson notes: headings, paragraphs, list items, {@code **bold**},
 * {@code *italic*} and {@code `code`}, as styled {@link Text} nodes for a text flow.
 */
public final class Markdown {
    private Markdown() {}

    public static List<Text> render(String md) {
        List<Text> out = new ArrayList<>();
        for (String raw : md.split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.startsWith("#")) {
                out.add(text(line.replaceFirst("^#+\\s*", "") + "\n", "md-h1"));
                continue;
            }
            if (line.startsWith("- ")) {
                out.add(text("  •  ", "md-text"));
                line = line.substring(2);
            }
            inline(line, out);
            out.add(text("\n", "md-text"));
        }
        return out;
    }

    private static void inline(String s, List<Text> out) {
        int i = 0;
        StringBuilder plain = new StringBuilder();
        while (i < s.length()) {
            String marker = s.startsWith("**", i) ? "**" : s.charAt(i) == '`' ? "`" : s.charAt(i) == '*' ? "*" : null;
            int end = marker == null ? -1 : s.indexOf(marker, i + marker.length());
            if (marker != null && end > i + marker.length() - 1) {
                if (plain.length() > 0) {
                    out.add(text(plain.toString(), "md-text"));
                    plain.setLength(0);
                }
                String inner = s.substring(i + marker.length(), end);
                out.add(text(inner, marker.equals("**") ? "md-bold" : marker.equals("`") ? "md-code" : "md-em"));
                i = end + marker.length();
            } else {
                plain.append(s.charAt(i));
                i++;
            }
        }
        if (plain.length() > 0) {
            out.add(text(plain.toString(), "md-text"));
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }
}
