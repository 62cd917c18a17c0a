package dev.goroscope.engine.lang.ast;

import java.util.List;

/**
 * Statements. Optional parts (an {@code if}'s init, a {@code for}'s post, a label) are null
 * when absent; lists are never null and are immutable.
 */
public sealed interface Stmt extends Node permits Stmt.Empty, Stmt.Labeled, Stmt.ExprStmt, Stmt.Send,
        Stmt.IncDec, Stmt.Assign, Stmt.Go, Stmt.Defer, Stmt.Return, Stmt.Branch, Stmt.Block, Stmt.If,
        Stmt.Switch, Stmt.TypeSwitch, Stmt.Select, Stmt.For, Stmt.Range, Stmt.DeclStmt {

    /** An explicit {@code ;} or the statement after a label that ends a block. */
    record Empty(Pos pos) implements Stmt {}

    /** {@code label: stmt}. */
    record Labeled(Pos pos, Expr.Ident label, Stmt stmt) implements Stmt {}

    /** A call or receive used as a statement (the checker rejects other expressions). */
    record ExprStmt(Pos pos, Expr x) implements Stmt {}

    /** {@code ch <- value}. */
    record Send(Pos pos, Expr ch, Expr value) implements Stmt {}

    /** {@code x++} ({@code inc}) or {@code x--}. */
    record IncDec(Pos pos, Expr x, boolean inc) implements Stmt {}

    /**
     * {@code lhs = rhs}, {@code lhs := rhs} ({@code define}), or {@code x op= y}
     * ({@code op} non-null, e.g. {@link Op#ADD} for {@code +=}).
     */
    record Assign(Pos pos, List<Expr> lhs, boolean define, Op op, List<Expr> rhs) implements Stmt {
        public Assign {
            lhs = List.copyOf(lhs);
            rhs = List.copyOf(rhs);
        }
    }

    /** {@code go call}. */
    record Go(Pos pos, Expr.Call call) implements Stmt {}

    /** {@code defer call}. */
    record Defer(Pos pos, Expr.Call call) implements Stmt {}

    /** {@code return results}. */
    record Return(Pos pos, List<Expr> results) implements Stmt {
        public Return {
            results = List.copyOf(results);
        }
    }

    /** The four branch keywords. */
    enum BranchKind { BREAK, CONTINUE, GOTO, FALLTHROUGH }

    /** {@code break}, {@code continue}, {@code goto} or {@code fallthrough}; label may be null. */
    record Branch(Pos pos, BranchKind kind, Expr.Ident label) implements Stmt {}

    /** {@code { stmts }}; {@code rbrace} is where gc reports "missing return". */
    record Block(Pos pos, List<Stmt> stmts, Pos rbrace) implements Stmt {
        public Block {
            stmts = List.copyOf(stmts);
        }
    }

    /** {@code if init; cond { then } else els}; {@code els} is null, an {@link If}, or a {@link Block}. */
    record If(Pos pos, Stmt init, Expr cond, Block then, Stmt els) implements Stmt {}

    /** An expression switch; {@code tag} is null for a tagless {@code switch { ... }}. */
    record Switch(Pos pos, Stmt init, Expr tag, List<CaseClause> clauses, Pos rbrace) implements Stmt {
        public Switch {
            clauses = List.copyOf(clauses);
        }
    }

    /**
     * {@code switch bind := x.(type) { ... }}; {@code bind} is null without the {@code :=}.
     * Case lists hold types (and the identifier {@code nil}).
     */
    record TypeSwitch(Pos pos, Stmt init, Expr.Ident bind, Expr x, List<CaseClause> clauses, Pos rbrace)
            implements Stmt {
        public TypeSwitch {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code select { ... }}. */
    record Select(Pos pos, List<CommClause> clauses, Pos rbrace) implements Stmt {
        public Select {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code for init; cond; post { body }}; any part may be null ({@code for {}} has none). */
    record For(Pos pos, Stmt init, Expr cond, Stmt post, Block body) implements Stmt {}

    /**
     * {@code for key, value := range x} ({@code define}) or {@code =}; key and value may be null
     * ({@code for range x}). Ranging over an integer ({@code range 10}) is syntactically the same.
     */
    record Range(Pos pos, Expr key, Expr value, boolean define, Expr x, Block body) implements Stmt {}

    /** A {@code var}, {@code const} or {@code type} declaration inside a function. */
    record DeclStmt(Pos pos, Decl.GenDecl decl) implements Stmt {}
}
