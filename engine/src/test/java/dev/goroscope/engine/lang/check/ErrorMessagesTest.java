package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Type errors with gc's exact wording and position. Each case gives the Go 1.23 text and,
 * where gc 1.19 words it differently, the 1.19 text.
 */
class ErrorMessagesTest {

    /** Joins lines into a program; "package main" is prepended. */
    static String go(String... lines) {
        return "package main\n" + String.join("\n", lines) + "\n";
    }

    static Arguments c(String name, String src, String want) {
        return Arguments.of(name, src, want, want);
    }

    static Arguments c(String name, String src, String want123, String want119) {
        return Arguments.of(name, src, want123, want119);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            c("undefined", go("func main() { x = 1 }"), "prog.go:2:15: undefined: x"),
            c("unused variable", go("func main() { x := 1 }"),
                    "prog.go:2:15: declared and not used: x", "prog.go:2:15: x declared but not used"),
            c("unused import", go("import \"os\"", "func main() {}"), "prog.go:2:8: \"os\" imported and not used"),
            c("unused renamed import", go("import f \"fmt\"", "func main() {}"),
                    "prog.go:2:8: \"fmt\" imported as f and not used"),
            c("missing return", go("func f() int {", "\tfor i := 0; i < 3; i++ {", "\t\treturn i", "\t}", "}",
                    "func main() { f() }"), "prog.go:6:1: missing return"),
            c("redeclared", go("func main() {", "\tx := 1", "\tvar x int", "\t_ = x", "}"),
                    "prog.go:4:6: x redeclared in this block"),
            c("no new variables", go("func main() {", "\tx := 1", "\tx := 2", "\t_ = x", "}"),
                    "prog.go:4:4: no new variables on left side of :="),
            c("cannot use in assignment", go("func main() {", "\tvar s string", "\tx := 1", "\ts = x", "\t_ = s", "}"),
                    "prog.go:5:6: cannot use x (variable of type int) as string value in assignment",
                    "prog.go:5:6: cannot use x (variable of type int) as type string in assignment"),
            c("cannot use in argument", go("func f(s string) {}", "func main() {", "\tx := 1", "\tf(x)", "}"),
                    "prog.go:5:4: cannot use x (variable of type int) as string value in argument to f",
                    "prog.go:5:4: cannot use x (variable of type int) as type string in argument to f"),
            c("cannot use in return", go("func f() string {", "\treturn 1", "}", "func main() { f() }"),
                    "prog.go:3:9: cannot use 1 (untyped int constant) as string value in return statement"),
            c("named constant operand", go("const k = 3", "func main() {", "\tvar s string = k", "\t_ = s", "}"),
                    "prog.go:4:17: cannot use k (untyped int constant 3) as string value in variable declaration"),
            c("mismatched types", go("func main() {", "\tx := 1", "\ty := \"a\"", "\t_ = x + y", "}"),
                    "prog.go:5:6: invalid operation: x + y (mismatched types int and string)"),
            c("untyped mismatch", go("func main() { _ = \"a\" + 1 }"),
                    "prog.go:2:19: invalid operation: \"a\" + 1 (mismatched types untyped string and untyped int)"),
            c("too many arguments", go("func f(a int) {}", "func main() { f(1, 2) }"),
                    "prog.go:3:20: too many arguments in call to f\n\thave (number, number)\n\twant (int)"),
            c("not enough arguments", go("func f(a int, b string) {}", "func main() { f(1) }"),
                    "prog.go:3:18: not enough arguments in call to f\n\thave (number)\n\twant (int, string)"),
            c("no field or method", go("type T struct{ x int }", "func main() {", "\tvar t T", "\t_ = t.y", "}"),
                    "prog.go:5:8: t.y undefined (type T has no field or method y)"),
            c("assign to string byte", go("func main() {", "\ts := \"abc\"", "\ts[0] = 'x'", "}"),
                    "prog.go:4:2: cannot assign to s[0] (neither addressable nor a map index expression)",
                    "prog.go:4:2: cannot assign to s[0] (value of type byte)"),
            c("non-boolean condition", go("func main() {", "\tx := 1", "\tif x {", "\t}", "}"),
                    "prog.go:4:5: non-boolean condition in if statement"),
            c("constant index out of bounds", go("func main() {", "\tvar a [3]int", "\t_ = a[5]", "}"),
                    "prog.go:4:8: invalid argument: index 5 out of bounds [0:3]"),
            c("negative index", go("func main() {", "\ts := []int{1}", "\t_ = s[-1]", "}"),
                    "prog.go:4:8: invalid argument: index -1 (constant of type int) must not be negative"),
            c("overflow in declaration", go("func main() {", "\tvar b byte = 300", "\t_ = b", "}"),
                    "prog.go:3:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)"),
            c("overflow in conversion", go("func main() { _ = byte(300) }"),
                    "prog.go:2:24: constant 300 overflows byte",
                    "prog.go:2:24: cannot convert 300 (untyped int constant) to type byte"),
            c("nil as int", go("func main() {", "\tvar x int", "\tx = nil", "\t_ = x", "}"),
                    "prog.go:4:6: cannot use nil as int value in assignment"),
            c("impossible type assertion", go("type I interface{ M() }", "type T struct{}", "func main() {",
                    "\tvar i I", "\t_ = i.(T)", "}"),
                    "prog.go:6:6: impossible type assertion: i.(T)\n\tT does not implement I (missing method M)",
                    "prog.go:6:6: impossible type assertion: i.(T)\n\tT does not implement I (missing M method)"),
            c("missing method", go("type I interface{ M() }", "type T struct{}", "func main() {",
                    "\tvar i I = T{}", "\t_ = i", "}"),
                    "prog.go:5:12: cannot use T{} (value of type T) as I value in variable declaration: "
                            + "T does not implement I (missing method M)",
                    "prog.go:5:12: cannot use T{} (value of type T) as type I in variable declaration:\n\t"
                            + "T does not implement I (missing M method)"),
            c("pointer receiver", go("type I interface{ M() }", "type T struct{}", "func (t *T) M() {}",
                    "func main() {", "\tvar i I = T{}", "\t_ = i", "}"),
                    "prog.go:6:12: cannot use T{} (value of type T) as I value in variable declaration: "
                            + "T does not implement I (method M has pointer receiver)",
                    "prog.go:6:12: cannot use T{} (value of type T) as type I in variable declaration:\n\t"
                            + "T does not implement I (M method has pointer receiver)"),
            c("typed value in return", go("func f() string {", "\tx := 1", "\treturn x", "}", "func main() { f() }"),
                    "prog.go:4:9: cannot use x (variable of type int) as string value in return statement",
                    "prog.go:4:9: cannot use x (variable of type int) as type string in return statement"),
            c("impossible type switch case", go("func main() {", "\tvar e error", "\tswitch e.(type) {",
                    "\tcase int:", "\t}", "}"),
                    "prog.go:5:7: impossible type switch case: int\n\te (variable of type error) cannot have dynamic "
                            + "type int (missing method Error)",
                    "prog.go:5:7: impossible type switch case: int\n\te (variable of type error) cannot have dynamic "
                            + "type int (missing Error method)"),
            c("assignment mismatch with call", go("func f() (int, int) { return 1, 2 }", "func main() {",
                    "\tx := f()", "\t_ = x", "}"),
                    "prog.go:4:7: assignment mismatch: 1 variable but f returns 2 values"),
            c("assignment mismatch", go("func main() {", "\ta, b := 1", "\t_, _ = a, b", "}"),
                    "prog.go:3:10: assignment mismatch: 2 variables but 1 value"),
            c("multiple-value in single-value context", go("func f() (int, int) { return 1, 2 }",
                    "func main() { _ = f() + 1 }"),
                    "prog.go:3:19: multiple-value f() (value of type (int, int)) in single-value context"),
            c("expression not used", go("func main() {", "\tx := 1", "\tx", "}"),
                    "prog.go:4:2: x (variable of type int) is not used"),
            c("break outside loop", go("func main() {", "\tbreak", "}"),
                    "prog.go:3:2: break is not in a loop, switch, or select"),
            c("label defined and not used", go("func main() {", "L:", "\tfor {", "\t}", "}"),
                    "prog.go:3:1: label L defined and not used"),
            c("invalid continue label", go("func main() {", "L:", "\tswitch {", "\tcase true:", "\t\tfor {",
                    "\t\t\tcontinue L", "\t\t}", "\t}", "}"),
                    "prog.go:7:13: invalid continue label L"),
            c("too many return values", go("func f() int {", "\treturn 1, 2", "}", "func main() { f() }"),
                    "prog.go:3:12: too many return values\n\thave (number, number)\n\twant (int)"),
            c("not enough return values", go("func f() (int, string) {", "\treturn 1", "}", "func main() { f() }"),
                    "prog.go:3:9: not enough return values\n\thave (number)\n\twant (int, string)"),
            c("call of non-function", go("func main() {", "\tx := 1", "\tx()", "}"),
                    "prog.go:4:2: invalid operation: cannot call non-function x (variable of type int)"),
            c("unsupported import", go("import \"net/http\"", "func main() { _ = http.Get }"),
                    "prog.go:2:8: unsupported: import \"net/http\""),
            c("unsupported member", go("import \"fmt\"", "func main() { fmt.Fprintf(nil, \"\") }"),
                    "prog.go:3:15: unsupported: fmt.Fprintf"),
            c("unexported member", go("import \"fmt\"", "func main() { fmt.println() }"),
                    "prog.go:3:19: name println not exported by package fmt"),
            c("untyped nil", go("func main() {", "\tx := nil", "\t_ = x", "}"),
                    "prog.go:3:7: use of untyped nil in assignment"),
            c("division by zero", go("func main() {", "\tx := 1", "\t_ = x / 0", "}"),
                    "prog.go:4:10: invalid operation: division by zero"),
            c("not constant", go("func f() int { return 1 }", "const c = f()", "func main() {}"),
                    "prog.go:3:11: f() (value of type int) is not constant"),
            c("invalid recursive type", go("type T struct{ t T }", "func main() {}"),
                    "prog.go:2:6: invalid recursive type T"),
            c("duplicate case", go("func main() {", "\tx := 1", "\tswitch x {", "\tcase 1, 1:", "\t}", "}"),
                    "prog.go:5:10: duplicate case 1 in expression switch"),
            c("pointer method on value", go("type T struct{}", "func (t *T) M() {}", "func main() { T{}.M() }"),
                    "prog.go:4:19: cannot call pointer method M on T"),
            c("slice comparison", go("func main() {", "\ta, b := []int{}, []int{}", "\t_ = a == b", "}"),
                    "prog.go:4:6: invalid operation: a == b (slice can only be compared to nil)"),
            c("unexported library field", go("import \"sync\"", "func main() {", "\tvar m sync.Mutex", "\t_ = m.state",
                    "}"), "prog.go:5:8: m.state undefined (cannot refer to unexported field state)"),
            c("send to receive-only channel", go("func main() {", "\tvar c <-chan int", "\tc <- 1", "}"),
                    "prog.go:4:2: invalid operation: cannot send to receive-only channel c (variable of type <-chan int)"),
            c("iota outside constant declaration", go("func main() { _ = iota }"),
                    "prog.go:2:19: cannot use iota outside constant declaration"),
            c("unused type switch variable", go("func main() {", "\tvar v any", "\tswitch x := v.(type) {",
                    "\tcase int:", "\t}", "}"),
                    "prog.go:4:9: declared and not used: x", "prog.go:4:9: x declared but not used"),
            c("unknown field", go("type P struct{ X int }", "func main() { _ = P{Y: 1} }"),
                    "prog.go:3:21: unknown field Y in struct literal of type P"),
            c("too few values", go("type P struct{ X, Y int }", "func main() { _ = P{1} }"),
                    "prog.go:3:22: too few values in struct literal of type P"),
            c("indirect of non-pointer", go("func main() {", "\tx := 1", "\t_ = *x", "}"),
                    "prog.go:4:6: invalid operation: cannot indirect x (variable of type int)"),
            c("shift of float", go("func main() {", "\tf := 1.5", "\t_ = f << 2", "}"),
                    "prog.go:4:6: invalid operation: shifted operand f (variable of type float64) must be integer"),
            c("goto", go("func main() {", "L:", "\tgoto L", "}"), "prog.go:4:2: unsupported: goto"),
            c("range over channel with two variables", go("func main() {", "\tc := make(chan int)",
                    "\tfor a, b := range c {", "\t\t_, _ = a, b", "\t}", "}"),
                    "prog.go:4:9: range over c (variable of type chan int) permits only one iteration variable"),
            c("not an interface", go("func main() {", "\tx := 1", "\t_ = x.(int)", "}"),
                    "prog.go:4:6: invalid operation: x (variable of type int) is not an interface"),
            c("close receive-only channel", go("func f(c <-chan int) { close(c) }", "func main() {}"),
                    "prog.go:2:30: invalid operation: cannot close receive-only channel c (variable of type <-chan int)"),
            c("truncated", go("func main() {", "\tvar i int = 1.5", "\t_ = i", "}"),
                    "prog.go:3:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"),
            c("main signature", go("func main(x int) {}"),
                    "prog.go:2:6: func main must have no arguments and no return values"),
            c("invalid map key", go("var m map[[]int]string", "func main() {}"),
                    "prog.go:2:11: invalid map key type []int"),
            c("min before 1.21", go("func main() { _ = min(1, 2) }"), "", "prog.go:2:19: undefined: min"),
            c("errors sorted and capped", go("func main() {", "\ta := 1", "\tb := 2", "\tc := 3", "\td := 4",
                    "\te := 5", "\tf := 6", "\tg := 7", "\th := 8", "\ti := 9", "\tj := 10", "\tk := 11", "}"),
                    String.join("\n", "prog.go:3:2: declared and not used: a", "prog.go:4:2: declared and not used: b",
                            "prog.go:5:2: declared and not used: c", "prog.go:6:2: declared and not used: d",
                            "prog.go:7:2: declared and not used: e", "prog.go:8:2: declared and not used: f",
                            "prog.go:9:2: declared and not used: g", "prog.go:10:2: declared and not used: h",
                            "prog.go:11:2: declared and not used: i", "prog.go:12:2: declared and not used: j"),
                    String.join("\n", "prog.go:3:2: a declared but not used", "prog.go:4:2: b declared but not used",
                            "prog.go:5:2: c declared but not used", "prog.go:6:2: d declared but not used",
                            "prog.go:7:2: e declared but not used", "prog.go:8:2: f declared but not used",
                            "prog.go:9:2: g declared but not used", "prog.go:10:2: h declared but not used",
                            "prog.go:11:2: i declared but not used", "prog.go:12:2: j declared but not used"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsLikeGc(String name, String src, String want123, String want119) {
        assertThat(Programs.errors(src, GoVersion.V1_23)).as("1.23").isEqualTo(want123);
        assertThat(Programs.errors(src, GoVersion.V1_19)).as("1.19").isEqualTo(want119);
    }
}
