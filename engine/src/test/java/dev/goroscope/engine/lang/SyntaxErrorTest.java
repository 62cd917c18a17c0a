package dev.goroscope.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Malformed programs and the exact diagnostic gc would print (line, byte column, wording).
 * Sources are written with {@code |} for newlines and {@code >} for tabs to keep them on one line.
 */
class SyntaxErrorTest {

    static String src(String s) {
        return s.replace('|', '\n').replace('>', '\t');
    }

    static String firstError(String source) {
        GoSyntaxError e = catchThrowableOfType(() -> Parser.parse("prog.go", source), GoSyntaxError.class);
        assertThat(e).as("expected a syntax error for:\n%s", source).isNotNull();
        return e.first().toString();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '#', quoteCharacter = '\u0000', textBlock = """
        package main||func main() {|>fmt.Println("hi"|}|                 # prog.go:4:18: syntax error: unexpected newline in argument list; possibly missing comma or )
        package main||func main() {|>x := "abc|}|                        # prog.go:4:11: newline in string
        package main||func main() {|>x := "abc                           # prog.go:4:7: string literal not terminated
        package main||func main() {|>x := `abc                           # prog.go:4:7: string literal not terminated
        package main||func main() {|>x := 1 @ 2|}|                       # prog.go:4:9: invalid character U+0040 '@'
        package main||x := 1|                                            # prog.go:3:1: syntax error: non-declaration statement outside function body
        package main||func main() {|>x := 1|                             # prog.go:5:1: syntax error: unexpected EOF, expected }
        package main||func main() {|>if x {|>}|>else {|>}|}|             # prog.go:6:2: syntax error: unexpected keyword else, expected }
        package main||func main() {|>x := 'ab'|}|                        # prog.go:4:7: more than one character in rune literal
        package main||func main() {|>x := 'a|}|                          # prog.go:4:9: newline in rune literal
        package main||func main() {|>x := 'a                             # prog.go:4:7: rune literal not terminated
        package main||func main() {|>x := ''|}|                          # prog.go:4:8: empty rune literal or unescaped ' in rune literal
        func main() {}|                                                  # prog.go:1:1: syntax error: package statement must be first
        package main||func main() {|>if x|>{|>}|}|                       # prog.go:4:6: syntax error: unexpected newline, expected { after if clause
        package main||var xs = []int{|>1,|>2|}|                          # prog.go:5:3: syntax error: unexpected newline in composite literal; possibly missing comma or }
        package main||func f(a int {|}|                                  # prog.go:3:14: syntax error: unexpected { in parameter list; possibly missing comma or )
        package main||var s = "\\q"|                                     # prog.go:3:11: unknown escape
        package main||var x int =|                                       # prog.go:4:1: syntax error: unexpected EOF, expected expression
        package main||func main() {|>go x|}|                             # prog.go:4:5: expression in go must be function call
        package main||func f(a int, string) {}|                          # prog.go:3:15: syntax error: mixed named and unnamed parameters
        package main||var x = 09|                                        # prog.go:3:10: invalid digit '9' in octal literal
        package main||func main() {|>f(a b)|}|                           # prog.go:4:6: syntax error: unexpected name b in argument list; possibly missing comma or )
        package main||func f() {}|import "fmt"|                          # prog.go:4:1: syntax error: imports must appear before other declarations
        package main||/* never closed|                                   # prog.go:3:1: comment not terminated
        package main||func main() {|>x := 1 +|}|                         # prog.go:5:1: syntax error: unexpected }, expected expression
        package main||func main() {|>for i := 0; i < 3; i++|>{|>}|}|     # prog.go:4:24: syntax error: unexpected newline, expected { after for clause
        package main||func main()|{|}|                                   # prog.go:4:1: syntax error: unexpected semicolon or newline before {
        package main||func main() {|>x = = 1|}|                          # prog.go:4:6: syntax error: unexpected =, expected expression
        package main||func main() {|>a, b|}|                             # prog.go:4:6: syntax error: unexpected newline, expected := or = or comma
        package main||func main() {|>if x := 1 {|>}|}|                   # prog.go:4:5: syntax error: cannot use assignment (:=) as value
        package main||type T struct {|>a int b int|}|                    # prog.go:4:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }
        package main||func main() {|>_ = s[1:2:]|}|                      # prog.go:4:12: final index required in 3-index slice
        package main||func main() {|>defer (f())|}|                      # prog.go:4:8: expression in defer must not be parenthesized
        package main||func main() {|>if x {|>} else for {|>}|}|          # prog.go:5:9: syntax error: else must be followed by if or statement block
        package main||func main() {|>switch x|>{|>}|}|                   # (parses)
        package main||func main() {|>goto|}|                             # prog.go:5:1: syntax error: unexpected }, expected name
        package main||var x = 0x|                                        # prog.go:3:11: hexadecimal literal has no digits
        package main||var x = 1__0|                                      # prog.go:3:11: '_' must separate successive digits
        package main||func main() {|>s[1::3]|}|                          # prog.go:4:6: middle index required in 3-index slice
        package main||func main() {|>L:|}|                               # (parses)
        """)
    void reportsTheFirstErrorLikeGc(String source, String expected) {
        String s = src(source.strip());
        if (expected.strip().equals("(parses)")) {
            Parser.parse("prog.go", s);
            return;
        }
        assertThat(firstError(s)).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '#', quoteCharacter = '\u0000', textBlock = """
        package main||func Map[T any](x T) T { return x }|               # prog.go:3:9: unsupported: generics (type parameters)
        package main||type List[T any] struct{ v T }|                    # prog.go:3:10: unsupported: generics (type parameters)
        package main||type Pair[K comparable, V any] struct{}|           # prog.go:3:10: unsupported: generics (type parameters)
        package main||type Num interface{ ~int | float64 }|              # prog.go:3:21: unsupported: generics (type parameters)
        package main||var f = Map[int, string]|                          # prog.go:3:16: unsupported: generics (type parameters)
        package main||func (s *Stack[T]) Push(v T) {}|                   # prog.go:3:15: unsupported: generics (type parameters)
        package main||var z = 3i|                                        # prog.go:3:9: unsupported: complex numbers
        package main||var z = 1.5e3i|                                    # prog.go:3:9: unsupported: complex numbers
        package main||import "C"|                                        # prog.go:3:8: unsupported: cgo (import "C")
        package main||import (|>"fmt"|>u "unsafe"|)|                     # prog.go:5:4: unsupported: package unsafe
        """)
    void refusesUnsupportedFeatures(String source, String expected) {
        assertThat(firstError(src(source.strip()))).isEqualTo(expected.strip());
    }

    @Test
    void otherImportsAreLeftToTheChecker() {
        Parser.parse("prog.go", src("package main||import (|>\"net/http\"|>. \"math\"|>_ \"embed\"|)|"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThat(firstError("package main\nvar x = " + deep + "\n"))
                .startsWith("prog.go:2:").contains("syntax error: nesting too deep");
        String blocks = "{".repeat(50_000);
        assertThat(firstError("package main\nfunc f() " + blocks)).contains("nesting too deep");
    }

    @Test
    void theMessageListsDiagnosticsAndHasNoJavaStackTrace() {
        GoSyntaxError e = catchThrowableOfType(() -> Parser.parse("x.go", "package"), GoSyntaxError.class);
        assertThat(e.getMessage()).isEqualTo("x.go:1:8: syntax error: unexpected EOF, expected name");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.diagnostics()).containsExactly(new Diagnostic("x.go", 1, 8, "syntax error: unexpected EOF, expected name"));
    }

    @Test
    void columnsCountBytesNotCharacters() {
        // "é" is two bytes in UTF-8, so '@' sits at byte column 14 (character column 13).
        assertThat(firstError("package main\nvar s = \"é\" @\n")).isEqualTo("prog.go:2:14: invalid character U+0040 '@'");
        // A tab is one byte.
        assertThat(firstError("package main\n\t\t@\n")).isEqualTo("prog.go:2:3: invalid character U+0040 '@'");
    }
}
