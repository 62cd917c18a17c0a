package dev.goroscope.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program in the test corpus, hand-written and extracted from the seed articles, parses. */
class CorpusTest {

    static Stream<Path> programs() {
        return Corpus.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void parses(Path file) {
        SourceFile f = Parser.parse(file.getFileName().toString(), Corpus.read(file));
        assertThat(f.packageName().name()).isEqualTo("main");
        assertThat(f.decls()).anyMatch(d -> d instanceof Decl.FuncDecl && ((Decl.FuncDecl) d).name().name().equals("main"));
    }

    @Test
    void theCorpusCoversEverySeedWithCode() {
        List<String> names = Corpus.files().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).anyMatch(n -> n.startsWith("000_")).anyMatch(n -> n.startsWith("001_"))
                .anyMatch(n -> n.startsWith("003_")).anyMatch(n -> n.startsWith("004_"));
        assertThat(names).hasSizeGreaterThanOrEqualTo(20);
    }
}
