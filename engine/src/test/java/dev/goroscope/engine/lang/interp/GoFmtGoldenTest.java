package dev.goroscope.engine.lang.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * GoFmt against go1.19's fmt: {@code src/test/resources/fmt/golden.go} printed
 * {@code golden.txt}; here the same values, built with the interpreter's value model, must
 * format to the same bytes. Case ids ending in {@code @} contain addresses, which both sides
 * replace by {@code ADDR}.
 */
class GoFmtGoldenTest {
    private static final Map<String, GoString> JAVA = new LinkedHashMap<>();

    static {
        FmtScalarCases.add(JAVA);
        FmtCompositeCases.add(JAVA);
        FmtMiscCases.add(JAVA);
    }

    record Golden(String id, String quoted, byte[] bytes) {}

    static List<Golden> golden() throws IOException {
        List<Golden> out = new ArrayList<>();
        try (InputStream in = GoFmtGoldenTest.class.getResourceAsStream("/fmt/golden.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String q = line.substring(tab + 1);
                out.add(new Golden(line.substring(0, tab), q, unquote(q)));
            }
        }
        return out;
    }

    /** The Go string literal q as bytes. */
    static byte[] unquote(String q) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int k = 1; k < q.length() - 1; k++) {
            char c = q.charAt(k);
            if (c != '\\') {
                int cp = q.codePointAt(k);
                b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                k += Character.charCount(cp) - 1;
                continue;
            }
            char e = q.charAt(++k);
            switch (e) {
                case 'a': b.write(7); break;
                case 'b': b.write(8); break;
                case 'f': b.write(12); break;
                case 'n': b.write(10); break;
                case 'r': b.write(13); break;
                case 't': b.write(9); break;
                case 'v': b.write(11); break;
                case 'x':
                    b.write(Integer.parseInt(q.substring(k + 1, k + 3), 16));
                    k += 2;
                    break;
                case 'u': case 'U':
                    int n = e == 'u' ? 4 : 8;
                    int cp = Integer.parseInt(q.substring(k + 1, k + 1 + n), 16);
                    b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    k += n;
                    break;
                default: b.write(e); break;
            }
        }
        return b.toByteArray();
    }

    static byte[] actual(String id) {
        byte[] got = JAVA.get(id).bytes();
        if (id.endsWith("@")) {
            String s = new String(got, StandardCharsets.ISO_8859_1).replaceAll("0x[0-9a-f]+", "ADDR");
            got = s.getBytes(StandardCharsets.ISO_8859_1);
        }
        return got;
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenLine() throws IOException {
        return golden().stream().map(g -> DynamicTest.dynamicTest(g.id(), () -> {
            assertThat(JAVA).as("no Java case for %s", g.id()).containsKey(g.id());
            byte[] got = actual(g.id());
            String gotQ = GoQuote.quote(GoString.wrap(got)).toString();
            assertThat(gotQ).as(g.id()).isEqualTo(g.quoted());
            assertThat(got).as(g.id()).isEqualTo(g.bytes());
        }));
    }

    @Test
    void javaAndGoHaveTheSameCases() throws IOException {
        List<String> ids = golden().stream().map(Golden::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(250).doesNotHaveDuplicates();
        assertThat(JAVA.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }
}
