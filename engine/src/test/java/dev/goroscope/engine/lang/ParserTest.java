package dev.goroscope.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.ast.TypeExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape and positions of the trees the parser builds. */
class ParserTest {

    static SourceFile parse(String src) {
        return Parser.parse("prog.go", src);
    }

    /** The statements of the only function in {@code package main; func f() { body }}. */
    static List<Stmt> body(String body) {
        SourceFile f = parse("package main\n\nfunc f() {\n" + body + "\n}\n");
        return ((Decl.FuncDecl) f.decls().get(0)).body().stmts();
    }

    static Expr expr(String e) {
        return ((Stmt.ExprStmt) body(e).get(0)).x();
    }

    @Test
    void binaryOperatorsFollowGoPrecedence() {
        Expr.Binary or = (Expr.Binary) expr("a || b && c == d+e*f<<1");
        assertThat(or.op()).isEqualTo(Op.LOR);
        Expr.Binary and = (Expr.Binary) or.y();
        assertThat(and.op()).isEqualTo(Op.LAND);
        Expr.Binary eq = (Expr.Binary) and.y();
        assertThat(eq.op()).isEqualTo(Op.EQL);
        Expr.Binary add = (Expr.Binary) eq.y();
        assertThat(add.op()).isEqualTo(Op.ADD);
        Expr.Binary shl = (Expr.Binary) add.y();
        assertThat(shl.op()).isEqualTo(Op.SHL);
        assertThat(((Expr.Binary) shl.x()).op()).isEqualTo(Op.MUL);
        // Left associative within a level.
        Expr.Binary sub = (Expr.Binary) expr("a - b - c");
        assertThat(sub.x()).isInstanceOf(Expr.Binary.class);
        assertThat(sub.opPos()).isEqualTo(new Pos(4, 7)); // the second "-"
    }

    @Test
    void unaryOperatorsAndReceive() {
        Expr.Unary recv = (Expr.Unary) expr("<-ch");
        assertThat(recv.op()).isEqualTo(Op.RECV);
        Expr.Unary neg = (Expr.Unary) expr("-^x");
        assertThat(neg.op()).isEqualTo(Op.SUB);
        assertThat(((Expr.Unary) neg.x()).op()).isEqualTo(Op.XOR);
        assertThat(expr("*p")).isInstanceOf(Expr.Star.class);
    }

    @Test
    void positionsAreLineAndByteColumn() {
        SourceFile f = parse("package main\n\nfunc main() {\n\tx := foo(1, \"é\", y)\n}\n");
        Decl.FuncDecl main = (Decl.FuncDecl) f.decls().get(0);
        assertThat(main.pos()).isEqualTo(new Pos(3, 1));
        assertThat(main.name().pos()).isEqualTo(new Pos(3, 6));
        assertThat(main.body().pos()).isEqualTo(new Pos(3, 13));
        assertThat(main.body().rbrace()).isEqualTo(new Pos(5, 1));
        Stmt.Assign a = (Stmt.Assign) main.body().stmts().get(0);
        assertThat(a.define()).isTrue();
        assertThat(a.pos()).isEqualTo(new Pos(4, 2));
        Expr.Call call = (Expr.Call) a.rhs().get(0);
        assertThat(call.pos()).isEqualTo(new Pos(4, 7));
        assertThat(call.lparen()).isEqualTo(new Pos(4, 10));
        assertThat(call.args().get(1).pos()).isEqualTo(new Pos(4, 14));
        assertThat(call.args().get(2).pos()).isEqualTo(new Pos(4, 20)); // "é" is 4 bytes with quotes
        assertThat(call.rparen()).isEqualTo(new Pos(4, 21));
    }

    @Test
    void constGroupsRecordIotaAndImplicitRepetition() {
        SourceFile f = parse("package main\nconst (\n\tA = iota * 10\n\tB\n\tC string = \"c\"\n\tD\n)\nconst E = 1\n");
        Decl.GenDecl g = (Decl.GenDecl) f.decls().get(0);
        assertThat(g.grouped()).isTrue();
        Spec.ValueSpec b = (Spec.ValueSpec) g.specs().get(1);
        assertThat(b.iota()).isEqualTo(1);
        assertThat(b.implicit()).isTrue();
        assertThat(b.values()).isEqualTo(((Spec.ValueSpec) g.specs().get(0)).values());
        Spec.ValueSpec d = (Spec.ValueSpec) g.specs().get(3);
        assertThat(d.iota()).isEqualTo(3);
        assertThat(d.type()).isEqualTo(new Expr.Ident(new Pos(5, 4), "string"));
        Decl.GenDecl e = (Decl.GenDecl) f.decls().get(1);
        assertThat(e.grouped()).isFalse();
        assertThat(((Spec.ValueSpec) e.specs().get(0)).iota()).isZero();
    }

    @Test
    void directivesAttachToTheFollowingFunction() {
        SourceFile f = parse("//go:build linux\n\npackage main\n\nvar x = 1\n\n//go:noinline\n//go:nosplit\nfunc f() {}\n\nfunc g() {}\n");
        Decl.FuncDecl fd = (Decl.FuncDecl) f.decls().get(1);
        assertThat(fd.directives()).extracting(d -> d.name()).containsExactly("go:noinline", "go:nosplit");
        assertThat(((Decl.FuncDecl) f.decls().get(2)).directives()).isEmpty();
    }

    @Test
    void methodsTypesAndAliases() {
        SourceFile f = parse("package main\ntype (\n\tT struct{ a, b int; sync.Mutex; *U `tag` }\n\tA = T\n\tD int\n)\n"
                + "func (t *T) M(xs ...int) (n int, err error) { return }\n");
        Decl.GenDecl types = (Decl.GenDecl) f.decls().get(0);
        Spec.TypeSpec t = (Spec.TypeSpec) types.specs().get(0);
        TypeExpr.StructType st = (TypeExpr.StructType) t.type();
        assertThat(st.fields()).hasSize(3);
        assertThat(st.fields().get(0).names()).extracting(Expr.Ident::name).containsExactly("a", "b");
        assertThat(st.fields().get(1).isEmbedded()).isTrue();
        assertThat(st.fields().get(2).tag().value()).isEqualTo("tag");
        assertThat(((Spec.TypeSpec) types.specs().get(1)).alias()).isTrue();
        Decl.FuncDecl m = (Decl.FuncDecl) f.decls().get(1);
        assertThat(m.isMethod()).isTrue();
        assertThat(m.recv().type()).isInstanceOf(Expr.Star.class);
        assertThat(m.type().params().get(0).variadic()).isTrue();
        assertThat(m.type().results()).hasSize(2);
    }

    @Test
    void controlStatements() {
        List<Stmt> s = body("for i := 0; i < n; i++ {}\nfor k, v := range m {}\nfor range ch {}\nfor {}\n"
                + "switch x := f(); x {\ncase 1, 2:\n\tfallthrough\ndefault:\n}\n"
                + "switch v := y.(type) {\ncase int:\n}\n"
                + "select {\ncase v, ok := <-c:\ncase c <- 1:\ncase <-c:\ndefault:\n}\n"
                + "L:\n\tfor {\n\t\tcontinue L\n\t}\n");
        assertThat(s.get(0)).isInstanceOf(Stmt.For.class);
        Stmt.Range r = (Stmt.Range) s.get(1);
        assertThat(r.define()).isTrue();
        assertThat(((Expr.Ident) r.value()).name()).isEqualTo("v");
        Stmt.Range bare = (Stmt.Range) s.get(2);
        assertThat(bare.key()).isNull();
        Stmt.For inf = (Stmt.For) s.get(3);
        assertThat(inf.cond()).isNull();
        Stmt.Switch sw = (Stmt.Switch) s.get(4);
        assertThat(sw.init()).isInstanceOf(Stmt.Assign.class);
        assertThat(sw.clauses().get(1).isDefault()).isTrue();
        assertThat(sw.clauses().get(0).body().get(0)).isEqualTo(new Stmt.Branch(new Pos(10, 2), Stmt.BranchKind.FALLTHROUGH, null));
        Stmt.TypeSwitch ts = (Stmt.TypeSwitch) s.get(5);
        assertThat(ts.bind().name()).isEqualTo("v");
        Stmt.Select sel = (Stmt.Select) s.get(6);
        List<CommClause> cc = sel.clauses();
        assertThat(cc.get(0).comm()).isInstanceOf(Stmt.Assign.class);
        assertThat(cc.get(1).comm()).isInstanceOf(Stmt.Send.class);
        assertThat(cc.get(2).comm()).isInstanceOf(Stmt.ExprStmt.class);
        assertThat(cc.get(3).isDefault()).isTrue();
        Stmt.Labeled l = (Stmt.Labeled) s.get(7);
        assertThat(l.label().name()).isEqualTo("L");
    }

    @Test
    void compositeLiteralsAndTheHeaderAmbiguity() {
        Expr.CompositeLit lit = (Expr.CompositeLit) expr("[]Point{{1, 2}, {X: 3}}");
        Expr.CompositeLit inner = (Expr.CompositeLit) lit.elts().get(0);
        assertThat(inner.type()).isNull();
        assertThat(((Expr.CompositeLit) lit.elts().get(1)).elts().get(0)).isInstanceOf(Expr.KeyValue.class);
        // In an if header, "x == T {" opens the block; parenthesised, T{} is a literal again.
        Stmt.If s = (Stmt.If) body("if x == T {\n}").get(0);
        assertThat(((Expr.Binary) s.cond()).y()).isInstanceOf(Expr.Ident.class);
        Stmt.If p = (Stmt.If) body("if x == (T{}) {\n}").get(0);
        assertThat(((Expr.Paren) ((Expr.Binary) p.cond()).y()).x()).isInstanceOf(Expr.CompositeLit.class);
        Expr.Unary addr = (Expr.Unary) expr("&T{}");
        assertThat(addr.op()).isEqualTo(Op.AND);
        assertThat(((TypeExpr.ArrayType) ((Expr.CompositeLit) expr("[...]int{1}")).type()).len()).isNull();
    }

    @Test
    void slicesCallsAssertionsAndClosures() {
        Expr.SliceExpr full = (Expr.SliceExpr) expr("a[lo:hi:max]");
        assertThat(full.full()).isTrue();
        Expr.SliceExpr half = (Expr.SliceExpr) expr("a[:]");
        assertThat(half.lo()).isNull();
        assertThat(half.hi()).isNull();
        Expr.Call call = (Expr.Call) expr("f(xs...)");
        assertThat(call.hasEllipsis()).isTrue();
        Expr.TypeAssert ta = (Expr.TypeAssert) expr("x.(*T)");
        assertThat(ta.type()).isInstanceOf(Expr.Star.class);
        Expr.Call iife = (Expr.Call) expr("func(n int) { n++ }(1)");
        assertThat(iife.fun()).isInstanceOf(Expr.FuncLit.class);
        Stmt.Go go = (Stmt.Go) body("go func() {}()").get(0);
        assertThat(go.call().args()).isEmpty();
        TypeExpr.ChanType ct = (TypeExpr.ChanType) ((Expr.Call) expr("make(<-chan int)")).args().get(0);
        assertThat(ct.dir()).isEqualTo(TypeExpr.ChanDir.RECV);
    }

    @Test
    void assignmentOperators() {
        List<Stmt> s = body("x += 1\nx &^= 2\nx <<= 3\nx++\nch <- v\na, b = b, a");
        assertThat(((Stmt.Assign) s.get(0)).op()).isEqualTo(Op.ADD);
        assertThat(((Stmt.Assign) s.get(1)).op()).isEqualTo(Op.AND_NOT);
        assertThat(((Stmt.Assign) s.get(2)).op()).isEqualTo(Op.SHL);
        assertThat(s.get(3)).isInstanceOf(Stmt.IncDec.class);
        assertThat(s.get(4)).isInstanceOf(Stmt.Send.class);
        Stmt.Assign swap = (Stmt.Assign) s.get(5);
        assertThat(swap.define()).isFalse();
        assertThat(swap.op()).isNull();
        assertThat(swap.lhs()).hasSize(2);
    }
}
