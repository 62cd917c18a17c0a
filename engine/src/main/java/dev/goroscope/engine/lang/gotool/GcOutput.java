package dev.goroscope.engine.lang.gotool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code go build -gcflags='-S -m'} prints into {@link CompilerFacts}. */
final class GcOutput {
    private GcOutput() {}

    /** {@code (file.go:5)	TEXT	main.deep(SB), ABIInternal, $1048-8}. */
    private static final Pattern TEXT = Pattern.compile(
            "\\(([^()]*?):(\\d+)\\)\\s+TEXT\\s+(\\S+?)\\(SB\\),\\s*([A-Z|]*)[^$]*\\$(-?\\d+)-(\\d+)");

    static CompilerFacts parse(String goVersion, String fileName, String output) {
        Map<String, CompilerFacts.Frame> frames = new LinkedHashMap<>();
        List<CompilerFacts.Note> notes = new ArrayList<>();
        Pattern note = Pattern.compile("^(?:\\./)?" + Pattern.quote(fileName) + ":(\\d+):(\\d+): (.*)$");
        for (String line : output.split("\n")) {
            Matcher t = TEXT.matcher(line);
            if (t.find()) {
                String sym = t.group(3);
                if (!frames.containsKey(sym)) {
                    frames.put(sym, new CompilerFacts.Frame(sym, Long.parseLong(t.group(5)),
                            Long.parseLong(t.group(6)), t.group(4).contains("NOSPLIT"),
                            Integer.parseInt(t.group(2))));
                }
                continue;
            }
            Matcher m = note.matcher(line);
            if (m.matches()) {
                notes.add(new CompilerFacts.Note(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3)));
            }
        }
        return new CompilerFacts(goVersion, frames, notes);
    }
}
