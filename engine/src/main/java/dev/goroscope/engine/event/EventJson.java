package dev.goroscope.engine.event;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Events as JSON lines ({@code --trace FILE}): one object per event with its type, kind, every
 * record component, and the narration. Written by hand over the records' components so the
 * engine keeps its no-dependency rule.
 */
public final class EventJson {
    private EventJson() {}

    public static String toJson(Event e) {
        StringBuilder b = new StringBuilder("{\"type\":\"").append(e.getClass().getSimpleName())
                .append("\",\"kind\":\"").append(e.kind().name()).append('"');
        appendComponents(b, (Record) e);
        b.append(",\"narration\":");
        string(b, e.narration());
        return b.append('}').toString();
    }

    private static void appendComponents(StringBuilder b, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            b.append(",\"").append(c.getName()).append("\":");
            try {
                value(b, c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof long[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                b.append(i > 0 ? "," : "").append(a[i]);
            }
            b.append(']');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                value(b, l.get(i));
            }
            b.append(']');
        } else if (v instanceof Record r) {
            b.append('{');
            int len = b.length();
            appendComponents(b, r);
            if (b.length() > len) {
                b.deleteCharAt(len); // the leading comma
            }
            b.append('}');
        } else if (v instanceof Enum<?> en) {
            string(b, en.name());
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}
