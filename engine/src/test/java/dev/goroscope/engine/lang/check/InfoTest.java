package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Var;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What {@link Info} tells a compiler about small programs. */
class InfoTest {

    /** A checked program and ways to find its nodes. */
    record Prog(SourceFile file, Info info) {
        static Prog of(String src) {
            SourceFile f = Parser.parse("prog.go", src);
            return new Prog(f, Checker.check(f, GoVersion.V1_23));
        }

        <T extends Node> List<T> all(Class<T> k, Predicate<T> p) {
            List<T> out = new ArrayList<>();
            Walk.nodes(file, n -> {
                if (k.isInstance(n) && p.test(k.cast(n))) {
                    out.add(k.cast(n));
                }
            });
            return out;
        }

        <T extends Node> T first(Class<T> k, Predicate<T> p) {
            List<T> xs = all(k, p);
            assertThat(xs).as("no matching " + k.getSimpleName()).isNotEmpty();
            return xs.get(0);
        }

        Expr.Ident ident(String name, int nth) {
            return all(Expr.Ident.class, i -> i.name().equals(name)).get(nth);
        }

        String typeOf(Expr e) {
            Type t = info.typeOf(e);
            return t == null ? null : t.toString();
        }
    }

    @Test
    void untypedConstantsGetTheirFinalType() {
        Prog p = Prog.of("package main\nfunc f(x float64) {}\nfunc main() {\n\tvar b byte = 1 + 2\n"
                + "\tx := 7 / 2\n\tf(1)\n\tvar i any = 3\n\t_, _, _ = b, x, i\n}\n");
        Expr.Binary sum = p.first(Expr.Binary.class, b -> b.op().text().equals("+"));
        assertThat(p.typeOf(sum)).isEqualTo("byte");
        assertThat(p.typeOf(sum.x())).isEqualTo("byte");
        assertThat(p.info.valueOf(sum).value()).isEqualTo(BigInteger.valueOf(3));
        Expr.Binary quo = p.first(Expr.Binary.class, b -> b.op().text().equals("/"));
        assertThat(p.typeOf(quo)).isEqualTo("int");
        assertThat(p.info.valueOf(quo).longValue()).isEqualTo(3);
        Expr.Call call = p.first(Expr.Call.class, c -> c.fun() instanceof Expr.Ident
                && ((Expr.Ident) c.fun()).name().equals("f"));
        assertThat(p.typeOf(call.args().get(0))).isEqualTo("float64");
        Expr.IntLit three = p.first(Expr.IntLit.class, l -> l.raw().equals("3"));
        assertThat(p.typeOf(three)).isEqualTo("int");
        assertThat(p.info.implicitTarget(three).toString()).isEqualTo("any");
    }

    @Test
    void concreteValuesComparedWithInterfacesAreBoxed() {
        Prog p = Prog.of("package main\nfunc main() {\n\tvar i any\n\tn := 2\n\t_ = i == n\n\t_ = i != 1\n"
                + "\t_ = i == nil\n}\n");
        List<Expr.Binary> cmps = p.all(Expr.Binary.class, b -> true);
        assertThat(p.info.implicitTarget(cmps.get(0).y()).toString()).isEqualTo("any");
        assertThat(p.info.implicitTarget(cmps.get(1).y()).toString()).isEqualTo("any");
        assertThat(p.typeOf(cmps.get(1).y())).isEqualTo("int");
        assertThat(p.info.implicitTarget(cmps.get(2).y())).isNull();
        assertThat(p.typeOf(cmps.get(0))).isEqualTo("bool");
    }

    @Test
    void constantsFoldExactlyWithIota() {
        Prog p = Prog.of("package main\nconst (\n\tKB = 1 << (10 * (iota + 1))\n\tMB\n\tGB\n)\n"
                + "const big = 1 << 100 >> 98\nconst f = 1.0 / 3\nconst s = \"ab\" + \"c\"\nfunc main() {}\n");
        assertThat(value(p, "GB")).isEqualTo(BigInteger.ONE.shiftLeft(30));
        assertThat(value(p, "MB")).isEqualTo(BigInteger.ONE.shiftLeft(20));
        assertThat(value(p, "big")).isEqualTo(BigInteger.valueOf(4));
        assertThat(constOf(p, "f").value().toString()).isEqualTo("0.333333");
        assertThat(constOf(p, "f").type()).isEqualTo(Basic.UNTYPED_FLOAT);
        assertThat(constOf(p, "s").value().stringValue()).isEqualTo("abc");
    }

    private static Const constOf(Prog p, String name) {
        return (Const) p.info.defOf(p.ident(name, 0));
    }

    private static Object value(Prog p, String name) {
        return constOf(p, name).value().value();
    }

    @Test
    void conversionsCallsAndBuiltinsAreTold() {
        Prog p = Prog.of("package main\ntype T int\nfunc g(int) {}\nfunc main() {\n\tx := T(1)\n\tg(len(\"ab\"))\n"
                + "\t_ = x\n}\n");
        Expr.Call conv = p.first(Expr.Call.class, c -> ((Expr.Ident) c.fun()).name().equals("T"));
        assertThat(p.info.isType(conv.fun())).isTrue();
        assertThat(p.typeOf(conv)).isEqualTo("T");
        assertThat(p.info.valueOf(conv).longValue()).isEqualTo(1);
        Expr.Call call = p.first(Expr.Call.class, c -> ((Expr.Ident) c.fun()).name().equals("g"));
        assertThat(p.info.isType(call.fun())).isFalse();
        assertThat(p.info.useOf((Expr.Ident) call.fun())).isInstanceOf(Func.class);
        Expr.Call len = (Expr.Call) call.args().get(0);
        assertThat(p.info.builtinOf(len).kind()).isEqualTo(Builtin.Kind.LEN);
        assertThat(p.info.valueOf(len).longValue()).isEqualTo(2);
    }

    @Test
    void selectionsWalkEmbeddedFields() {
        Prog p = Prog.of("package main\ntype Point struct{ X, Y int }\nfunc (p *Point) Move() {}\n"
                + "func (p Point) Norm() int { return p.X }\n"
                + "type Rect struct {\n\tName string\n\tPoint\n}\nfunc main() {\n\tvar r Rect\n\tr.Move()\n"
                + "\t_ = r.Y\n\tq := &r\n\t_ = q.Norm()\n\tf := (*Point).Move\n\t_ = f\n}\n");
        Selection y = sel(p, "Y");
        assertThat(y.kind()).isEqualTo(Selection.Kind.FIELD_VAL);
        assertThat(y.path()).containsExactly(1, 1);
        assertThat(y.indirect()).isFalse();
        Selection move = sel(p, "Move");
        assertThat(move.kind()).isEqualTo(Selection.Kind.METHOD_VAL);
        assertThat(move.path()).containsExactly(1, 0);
        assertThat(move.addrRecv()).isTrue();
        Selection norm = sel(p, "Norm");
        assertThat(norm.indirect()).isTrue();
        assertThat(norm.derefRecv()).isFalse(); // the embedded Point is a value field
        assertThat(norm.type().toString()).isEqualTo("func() int");
        Selection expr = p.info.selectionOf(p.all(Expr.Selector.class, s -> s.sel().name().equals("Move")).get(1));
        assertThat(expr.kind()).isEqualTo(Selection.Kind.METHOD_EXPR);
        assertThat(expr.type().toString()).isEqualTo("func(*Point)");
        assertThat(((Func) expr.obj()).fullName()).isEqualTo("main.(*Point).Move");
    }

    private static Selection sel(Prog p, String name) {
        return p.info.selectionOf(p.first(Expr.Selector.class, s -> s.sel().name().equals(name)));
    }

    @Test
    void packageMembersAreLibraryObjects() {
        Prog p = Prog.of("package main\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\nfunc main() {\n"
                + "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\ttime.Sleep(2 * time.Second)\n\tfmt.Println(1, \"a\")\n}\n");
        Selection println = sel(p, "Println");
        assertThat(println.kind()).isEqualTo(Selection.Kind.PACKAGE_MEMBER);
        assertThat(((Func) println.obj()).fullName()).isEqualTo("fmt.Println");
        assertThat(((Func) println.obj()).isStd()).isTrue();
        Selection add = sel(p, "Add");
        assertThat(((Func) add.obj()).fullName()).isEqualTo("sync.(*WaitGroup).Add");
        assertThat(add.addrRecv()).isTrue();
        Expr.Call call = p.first(Expr.Call.class, c -> c.fun() instanceof Expr.Selector
                && ((Expr.Selector) c.fun()).sel().name().equals("Println"));
        assertThat(p.info.implicitTarget(call.args().get(0)).toString()).isEqualTo("any");
        assertThat(p.typeOf(call.args().get(1))).isEqualTo("string");
        Expr.Binary mul = p.first(Expr.Binary.class, b -> true);
        assertThat(p.typeOf(mul)).isEqualTo("time.Duration");
        assertThat(p.info.valueOf(mul).longValue()).isEqualTo(2_000_000_000L);
        TypeName wg = (TypeName) sel(p, "WaitGroup").obj();
        assertThat(((Named) wg.type()).pkg()).isEqualTo("sync");
    }

    @Test
    void shortVariableDeclarationsTellNewFromReused() {
        Prog p = Prog.of("package main\nfunc f() (int, error) { return 0, nil }\nfunc main() {\n"
                + "\ta, err := f()\n\tb, err := f()\n\t_, _, _ = a, b, err\n}\n");
        assertThat(p.info.isNewDefinition(p.ident("a", 0))).isTrue();
        assertThat(p.info.isNewDefinition(p.ident("err", 0))).isTrue();
        assertThat(p.info.isNewDefinition(p.ident("b", 0))).isTrue();
        assertThat(p.info.isNewDefinition(p.ident("err", 1))).isFalse();
        assertThat(p.info.useOf(p.ident("err", 1))).isSameAs(p.info.defOf(p.ident("err", 0)));
        assertThat(p.info.defOf(p.ident("err", 0)).type().toString()).isEqualTo("error");
    }

    @Test
    void closuresListTheirCaptures() {
        Prog p = Prog.of("package main\nvar g int\nfunc main() {\n\tc, d := 0, 1\n\tf := func() int {\n"
                + "\t\th := func() { c++ }\n\t\th()\n\t\td = 2\n\t\treturn c + g\n\t}\n\t_, _ = f, d\n}\n");
        List<Expr.FuncLit> lits = p.all(Expr.FuncLit.class, l -> true);
        Var c = (Var) p.info.defOf(p.ident("c", 0));
        Var d = (Var) p.info.defOf(p.ident("d", 0));
        assertThat(p.info.captures(lits.get(0))).containsExactly(c, d);
        assertThat(p.info.captures(lits.get(1))).containsExactly(c);
        assertThat(p.info.captures(p.first(Decl.FuncDecl.class, x -> true))).isEmpty();
    }

    @Test
    void scopesAndTypeSwitchVariables() {
        Prog p = Prog.of("package main\nfunc main() {\n\tvar v any = 1\n\tswitch x := v.(type) {\n"
                + "\tcase int:\n\t\t_ = x + 1\n\tcase string, bool:\n\t\t_ = x\n\t}\n\tfor i := 0; i < 2; i++ {\n\t}\n}\n");
        Stmt.TypeSwitch ts = p.first(Stmt.TypeSwitch.class, t -> true);
        assertThat(p.info.clauseVar(ts.clauses().get(0)).type()).isEqualTo(Basic.INT);
        assertThat(p.info.clauseVar(ts.clauses().get(1)).type().toString()).isEqualTo("any");
        Stmt.For loop = p.first(Stmt.For.class, f -> true);
        Scope s = p.info.scopeOf(loop);
        assertThat(s.lookupLocal("i")).isInstanceOf(Var.class);
        Decl.FuncDecl main = p.first(Decl.FuncDecl.class, f -> true);
        assertThat(p.info.scopeOf(main).lookupLocal("v")).isInstanceOf(Var.class);
        assertThat(p.info.scopeOf(main).parent().parent()).isSameAs(p.info.packageScope());
    }

    @Test
    void typesOfDeclarationsAndDirectives() {
        Prog p = Prog.of("package main\ntype Node struct{ next *Node }\n//go:noinline\nfunc f(n *Node) *Node {"
                + " return n.next }\nvar m map[string]*Node\nfunc main() { _ = f(nil) }\n");
        Named node = (Named) p.info.defOf(p.ident("Node", 0)).type();
        assertThat(node.underlying().toString()).isEqualTo("struct{next *Node}");
        Func f = p.info.funcOf(p.first(Decl.FuncDecl.class, d -> d.name().name().equals("f")));
        assertThat(f.noinline()).isTrue();
        assertThat(f.type().toString()).isEqualTo("func(n *Node) *Node");
        Obj m = p.info.defOf(p.ident("m", 0));
        assertThat(((Var) m).isGlobal()).isTrue();
        assertThat(m.type().toString()).isEqualTo("map[string]*Node");
        Expr nil = p.first(Expr.Ident.class, i -> i.name().equals("nil"));
        assertThat(p.typeOf(nil)).isEqualTo("*Node");
        assertThat(p.info.globals()).hasSize(1);
        Spec.TypeSpec ts = p.first(Spec.TypeSpec.class, t -> true);
        assertThat(p.info.isType(ts.type())).isTrue();
    }
}
