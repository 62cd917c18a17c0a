package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.runtime.FuncInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Frame sizes: exact from gc's {@code TEXT} lines when the toolchain was asked, otherwise an
 * estimate that follows how gc 1.19 lays out an amd64 frame under the register ABI. The rules,
 * calibrated against gc's own figures ({@code FrameEstimateTest} prints the comparison):
 * <ol>
 *   <li>Parameters cost the function nothing: their spill slots are in the caller's outgoing
 *       area.</li>
 *   <li>The outgoing area is that of the largest call site: a Go call's parameters (8 bytes a
 *       word: a string 16, a slice 24, an interface 16), the runtime call behind an operation
 *       ({@code growslice} 40 plus the slice kept across it, {@code makeslice} 24, map access 24,
 *       a channel operation 16 plus the element's slot, {@code selectgo} 48 plus its case and
 *       order arrays, {@code newproc} 16, {@code concatstring2} 40), and for {@code fmt}'s
 *       variadic functions the {@code [n]any} array and the converted values.</li>
 *   <li>A local lives in the frame if its value must survive a call: read after a call that
 *       follows its assignment, or used in a loop that calls. A value gc can recompute from the
 *       parameters (assigned once, from parameters and constants only) is not kept: gc sinks
 *       it past the call.</li>
 *   <li>In an expression, a computed value held while a later operand calls takes a slot
 *       ({@code fib(n-1) + fib(n-2)} keeps the first result).</li>
 *   <li>Arrays and structs declared in the function take their size, except an array that is only
 *       ever stored into: gc deletes such dead stores, and the array with them (lesson 2: the
 *       seed's "1 GB" recursion does not overflow). A range loop that calls keeps its hidden
 *       index; a map range keeps its 96-byte iterator.</li>
 *   <li>An open-coded {@code defer} keeps its function, its arguments and a deferBits byte in
 *       the frame; a deferred closure adds its context, a word per captured variable, and a
 *       result it captures lives in the frame too.</li>
 *   <li>A non-empty frame saves the caller's frame pointer (8 bytes); a function that calls
 *       nothing and keeps nothing is NOSPLIT with a zero frame.</li>
 * </ol>
 * Inlining is decided separately ({@link #inlinable}): a small leaf without loops (at most 5
 * statements, not {@code //go:noinline}) is taken as inlined at its call sites, which then push
 * no frame; the function keeps its frame for calls gc cannot inline (a {@code go} statement, a
 * function value). In exact mode gc's own {@code inlining call to f} notes decide each call site.
 */
final class Frames {
    private Frames() {}

    /** The frame of {@code f} when it is really called; null only if gc emitted no code for it. */
    static FuncInfo of(Func f, Info info, CompilerFacts facts) {
        return of(f.fullName(), f.type(), f.decl().body(), info, facts);
    }

    /** The frame of a function or function literal named {@code symbol} as gc names it. */
    static FuncInfo of(String symbol, Signature sig, Stmt.Block body, Info info, CompilerFacts facts) {
        if (facts != null) {
            CompilerFacts.Frame fr = facts.frames().get(symbol);
            return fr == null ? null : new FuncInfo(symbol, fr.frameSize(), 0, fr.nosplit());
        }
        Scan s = new Scan(info, body);
        s.node(body);
        long size = s.size();
        if (size == 0 && s.events == 0 && !s.panics) {
            return new FuncInfo(symbol, 0, 0, true);
        }
        return new FuncInfo(symbol, align(size) + 8, 0, false);
    }

    /** Estimate mode: whether gc would inline calls to {@code f}. */
    static boolean inlinable(Func f, Info info) {
        if (f.noinline() || f.name().equals("main") && !f.isMethod() || f.decl() == null) {
            return false;
        }
        return inlinableGuarded(f, info, new HashSet<>());
    }

    /** {@link #inlinable}, refusing to look again at a function already being inlined. */
    private static boolean inlinableGuarded(Func f, Info info, Set<Func> inlining) {
        if (f.noinline() || f.name().equals("main") && !f.isMethod() || f.decl() == null) {
            return false;
        }
        Set<Func> nested = new HashSet<>(inlining);
        nested.add(f);
        Scan s = new Scan(info, f.decl().body(), nested);
        s.self = f;
        s.node(f.decl().body());
        return s.goCalls <= 1 && !s.recursive && !s.loops && !s.notInlinable && s.statements <= 5;
    }

    private static long align(long n) {
        return (n + 7) / 8 * 8;
    }

    /** The bytes a value of type {@code t} takes in a register-argument spill slot or a frame slot. */
    static long slot(Type t) {
        return Math.max(align(Sizes.sizeof(t)), 8);
    }

    /** Walks a body in evaluation order, counting calls and what must survive them. */
    private static final class Scan {
        final Info info;
        /** Calls (Go or runtime) met so far, in evaluation order. */
        int events;
        int goCalls;
        int statements;
        boolean loops;
        boolean notInlinable;
        /** Calls a runtime function that never returns: not a leaf, though nothing survives it. */
        boolean panics;
        /** The largest call site: outgoing arguments plus what the site itself keeps in the frame. */
        long site;
        /** The most bytes of temporaries held across a call within one statement. */
        long temps;
        private long tempsNow;
        /** Hidden loop state and iterators that survive calls. */
        long hidden;
        final Set<Var> composites = new LinkedHashSet<>();
        final Set<Var> read = new HashSet<>();
        final Set<Var> live = new LinkedHashSet<>();
        final Map<Var, Integer> assignedAt = new HashMap<>();
        final Set<Var> sinkable = new HashSet<>();
        final Set<Var> assignedTwice = new HashSet<>();
        final List<Var> reads = new ArrayList<>();
        /** Locals whose address is taken: a scalar one moves to the heap (newobject). */
        final Set<Var> addressed;
        /** Locals a goroutine's closure captures: they live on the heap, not in this frame. */
        final Set<Var> goCaptured = new HashSet<>();
        /** Arrays stored into at a computed index: gc drops the array but keeps a word. */
        final Set<Var> indexedStores = new HashSet<>();
        /** Bytes of the frames of inlined callees that gc merges into this one. */
        long inlinedFrames;
        long inlinedSite;
        Func self;
        boolean recursive;
        private final Set<Func> inlining;

        Scan(Info info, Stmt.Block body) {
            this(info, body, new HashSet<>());
        }

        private Scan(Info info, Stmt.Block body, Set<Func> inlining) {
            this.info = info;
            this.inlining = inlining;
            this.addressed = body == null ? Set.of() : Escapes.addressTaken(body, info);
            if (body != null) {
                goCaptures(body);
            }
        }

        private void goCaptures(Node n) {
            if (n instanceof Stmt.Go g && g.call().fun() instanceof Expr.FuncLit fl) {
                goCaptured.addAll(info.captures(fl));
            }
            for (Node c : Escapes.children(n)) {
                goCaptures(c);
            }
        }

        long size() {
            long total = Math.max(site, inlinedSite) + temps + hidden + inlinedFrames;
            for (Var v : composites) {
                if (goCaptured.contains(v)) {
                    continue;
                }
                if (!Kinds.scalarArray(v.type()) || read.contains(v)) {
                    total += Sizes.sizeof(v.type());
                } else if (indexedStores.contains(v)) {
                    total += 8;
                }
            }
            for (Var v : live) {
                if (!composites.contains(v)) {
                    total += slot(v.type());
                }
            }
            return total;
        }

        void event(long bytes) {
            events++;
            site = Math.max(site, bytes);
        }

        void node(Node n) {
            if (n instanceof Stmt st) {
                statements++;
                tempsNow = 0;
                stmt(st);
            } else if (n instanceof Expr e) {
                expr(e);
            }
        }

        // ---- statements ----

        void stmt(Stmt s) {
            if (s instanceof Stmt.Block b) {
                b.stmts().forEach(this::node);
            } else if (s instanceof Stmt.ExprStmt e) {
                expr(e.x());
            } else if (s instanceof Stmt.Assign a) {
                assign(a);
            } else if (s instanceof Stmt.DeclStmt d) {
                for (Spec sp : d.decl().specs()) {
                    if (sp instanceof Spec.ValueSpec v) {
                        v.values().forEach(this::expr);
                        for (int k = 0; k < v.names().size(); k++) {
                            Expr value = v.values().size() == v.names().size() ? v.values().get(k) : null;
                            define(info.objectOf(v.names().get(k)), value);
                        }
                    }
                }
            } else if (s instanceof Stmt.If i) {
                node(i.init());
                expr(i.cond());
                node(i.then());
                node(i.els());
            } else if (s instanceof Stmt.For f) {
                loops = true;
                node(f.init());
                loop(() -> {
                    expr(f.cond());
                    node(f.body());
                    node(f.post());
                });
            } else if (s instanceof Stmt.Range r) {
                range(r);
            } else if (s instanceof Stmt.Switch sw) {
                node(sw.init());
                expr(sw.tag());
                for (CaseClause c : sw.clauses()) {
                    c.list().forEach(this::expr);
                    c.body().forEach(this::node);
                }
            } else if (s instanceof Stmt.TypeSwitch ts) {
                node(ts.init());
                expr(ts.x());
                for (CaseClause c : ts.clauses()) {
                    c.body().forEach(this::node);
                }
            } else if (s instanceof Stmt.Select sel) {
                select(sel);
            } else if (s instanceof Stmt.Return r) {
                args(r.results());
            } else if (s instanceof Stmt.IncDec d) {
                expr(d.x());
                assigned(d.x(), null);
            } else if (s instanceof Stmt.Send send) {
                expr(send.ch());
                expr(send.value());
                if (info.valueOf(send.value()) == null) {
                    hidden += slot(info.typeOf(send.value())); // chansend1 takes the element's address
                }
                event(16);
            } else if (s instanceof Stmt.Go g) {
                notInlinable = true;
                callArgs(g.call());
                event(16); // newproc, with the closure gc wraps the call in
            } else if (s instanceof Stmt.Defer d) {
                notInlinable = true;
                long args = callArgs(d.call());
                hidden += 16 + args; // open-coded: deferBits, the function and its arguments stay in the frame
                if (d.call().fun() instanceof Expr.FuncLit fl) {
                    // The deferred closure does not escape: its context (one word per captured
                    // variable) is in the frame, and so are the results it reads or sets by
                    // address, which the return statement stores before the deferred call runs.
                    for (Var v : info.captures(fl)) {
                        hidden += v.kind() == Var.Kind.RESULT ? 8 + slot(v.type()) : 8;
                    }
                }
                event(args);
            } else if (s instanceof Stmt.Labeled l) {
                stmt(l.stmt());
            }
        }

        private void assign(Stmt.Assign a) {
            if (a.op() != null) {
                a.lhs().forEach(this::expr); // x op= y reads x
            } else {
                for (Expr l : a.lhs()) {
                    if (!(l instanceof Expr.Ident)) {
                        lvalue(l);
                    }
                }
            }
            if (a.lhs().size() == 1 && a.lhs().get(0) instanceof Expr.Ident blank && blank.name().equals("_")
                    && a.rhs().get(0) instanceof Expr.Ident) {
                return; // _ = x: gc drops it, and it does not keep x alive
            }
            args(a.rhs());
            for (int k = 0; k < a.lhs().size(); k++) {
                Expr l = a.lhs().get(k);
                Expr value = a.rhs().size() == a.lhs().size() && a.op() == null ? a.rhs().get(k) : null;
                if (a.define() && l instanceof Expr.Ident id && info.isNewDefinition(id)) {
                    define(info.objectOf(id), value);
                } else {
                    assigned(l, value);
                }
            }
        }

        /** The address computation of an assignment target: {@code a[i] = v} does not read a. */
        private void lvalue(Expr l) {
            if (l instanceof Expr.Index ix) {
                Type t = info.typeOf(ix.x());
                if (t != null && Kinds.isMap(t)) {
                    expr(ix.x());
                    expr(ix.index());
                    event(24); // mapassign
                    return;
                }
                if (!(ix.x() instanceof Expr.Ident)) {
                    expr(ix.x());
                } else if (info.valueOf(ix.index()) == null
                        && info.objectOf((Expr.Ident) ix.x()) instanceof Var v) {
                    indexedStores.add(v);
                }
                expr(ix.index());
            } else if (l instanceof Expr.Selector sel) {
                if (!(sel.x() instanceof Expr.Ident)) {
                    expr(sel.x());
                }
            } else if (l instanceof Expr.Star st) {
                expr(st.x());
            } else if (l instanceof Expr.Paren p) {
                lvalue(p.x());
            }
        }

        private void define(Obj o, Expr value) {
            if (!(o instanceof Var v)) {
                return;
            }
            if (!Kinds.scalar(v.type()) && !Kinds.isString(v.type()) && !Kinds.refersToHeap(v.type())
                    && !Kinds.isIface(v.type()) && !Kinds.isFunc(v.type())) {
                composites.add(v);
            }
            assignedAt.put(v, events);
            if (value != null && pure(value)) {
                sinkable.add(v);
            }
            if (addressed.contains(v) && !composites.contains(v) || goCaptured.contains(v)) {
                event(16); // moved to heap: runtime.newobject
            }
        }

        private void assigned(Expr target, Expr value) {
            Expr base = target;
            while (base instanceof Expr.Paren p) {
                base = p.x();
            }
            if (base instanceof Expr.Ident id && info.objectOf(id) instanceof Var v && local(v)) {
                if (assignedAt.containsKey(v)) {
                    assignedTwice.add(v);
                    sinkable.remove(v);
                }
                assignedAt.put(v, events);
            }
        }

        /** Whether gc could recompute this value after a call: arithmetic on parameters and constants. */
        private boolean pure(Expr e) {
            if (info.valueOf(e) != null) {
                return true;
            }
            if (e instanceof Expr.Ident id) {
                return info.objectOf(id) instanceof Var v
                        && (v.isParam() || sinkable.contains(v) && !assignedTwice.contains(v));
            }
            if (e instanceof Expr.Binary b) {
                return pure(b.x()) && pure(b.y());
            }
            if (e instanceof Expr.Unary u) {
                return u.op() != dev.goroscope.engine.lang.ast.Op.RECV && u.op() != dev.goroscope.engine.lang.ast.Op.AND
                        && pure(u.x());
            }
            if (e instanceof Expr.Paren p) {
                return pure(p.x());
            }
            return false;
        }

        private boolean local(Var v) {
            return !v.isGlobal() && !v.isParam() && !v.isField();
        }

        /** A loop: variables from before it that it uses stay live across its calls. */
        private void loop(Runnable body) {
            int eventsBefore = events;
            int readsBefore = reads.size();
            Set<Var> before = new HashSet<>(assignedAt.keySet());
            body.run();
            if (events > eventsBefore) {
                for (Var v : reads.subList(readsBefore, reads.size())) {
                    if (before.contains(v) && (!sinkable.contains(v) || assignedTwice.contains(v))) {
                        live.add(v);
                    }
                }
            }
        }

        private void range(Stmt.Range r) {
            loops = true;
            Type t = info.typeOf(r.x());
            expr(r.x());
            Type u = t == null ? null : t.underlying();
            boolean isMap = t != null && Kinds.isMap(t);
            boolean isChan = t != null && Kinds.isChan(t);
            if (isMap) {
                event(24); // mapiterinit
                hidden = Math.max(hidden, 96); // the hiter
            }
            int eventsBefore = events;
            for (Expr kv : new Expr[] {r.key(), r.value()}) {
                if (kv instanceof Expr.Ident id && r.define()) {
                    define(info.objectOf(id), null);
                } else if (kv != null) {
                    assigned(kv, null);
                }
            }
            loop(() -> {
                if (isChan) {
                    Type elem = ((dev.goroscope.engine.lang.types.Chan) u).elem();
                    event(16 + slot(elem) + 8); // chanrecv2, the element and the ok flag
                } else if (isMap) {
                    event(8); // mapiternext
                }
                node(r.body());
            });
            if (events > eventsBefore && !isMap && !isChan) {
                long kept = 8; // the hidden index
                if (!(r.x() instanceof Expr.Ident id && info.objectOf(id) instanceof Var v && v.isParam())) {
                    kept += 16; // the ranged-over slice's pointer and length
                }
                hidden = Math.max(hidden, kept);
            }
        }

        private void select(Stmt.Select sel) {
            notInlinable = true;
            int n = 0;
            long elems = 0;
            for (CommClause c : sel.clauses()) {
                if (c.comm() == null) {
                    continue;
                }
                n++;
                if (c.comm() instanceof Stmt.Send send) {
                    expr(send.ch());
                    expr(send.value());
                    elems += slot(info.typeOf(send.value()));
                } else if (c.comm() instanceof Stmt.ExprStmt e) {
                    channelOf(e.x());
                    elems += 8;
                } else if (c.comm() instanceof Stmt.Assign a) {
                    a.rhs().forEach(this::channelOf);
                    elems += a.lhs().isEmpty() ? 8 : slot(info.typeOf(a.lhs().get(0)));
                }
            }
            if (n == 1) {
                event(16 + elems); // a one-case select with default is selectnbsend/selectnbrecv
            } else if (n > 1) {
                event(16L * n + align(4L * n) + 48 + elems); // scases, pollorder+lockorder, selectgo
            }
            for (CommClause c : sel.clauses()) {
                if (c.comm() instanceof Stmt.Assign a && a.define()) {
                    for (Expr l : a.lhs()) {
                        if (l instanceof Expr.Ident id) {
                            define(info.objectOf(id), null);
                        }
                    }
                }
                c.body().forEach(this::node);
            }
        }

        /** The channel of a select case's receive (selectgo does the receiving). */
        private void channelOf(Expr recv) {
            Expr x = recv;
            while (x instanceof Expr.Paren p) {
                x = p.x();
            }
            expr(x instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.RECV ? u.x() : x);
        }

        // ---- expressions ----

        /**
         * Evaluates operands left to right; a computed operand held while a later one calls takes a
         * temporary slot (a variable held so is live instead).
         */
        private void args(List<Expr> es) {
            for (int k = 0; k < es.size(); k++) {
                int before = events;
                expr(es.get(k));
                if (k + 1 < es.size()) {
                    int mid = events;
                    for (int j = k + 1; j < es.size() && events == mid; j++) {
                        if (callsIn(es.get(j))) {
                            hold(es.get(k), before != mid);
                            break;
                        }
                    }
                }
            }
        }

        private void hold(Expr e, boolean computedByCall) {
            if (info.valueOf(e) != null) {
                return;
            }
            Expr x = e;
            while (x instanceof Expr.Paren p) {
                x = p.x();
            }
            if (x instanceof Expr.Ident id && info.objectOf(id) instanceof Var v) {
                if (local(v) && !(sinkable.contains(v) && !assignedTwice.contains(v))) {
                    live.add(v);
                }
                return;
            }
            if (!computedByCall) {
                return; // gc loads it after the call
            }
            Type t = info.typeOf(e);
            tempsNow += t == null ? 8 : slot(t);
            temps = Math.max(temps, tempsNow);
        }

        /** Whether evaluating {@code e} makes a call (a quick syntactic check). */
        private boolean callsIn(Expr e) {
            Scan probe = new Scan(info, null, inlining);
            probe.expr(e);
            return probe.events > 0;
        }

        void expr(Expr e) {
            if (e == null || info.valueOf(e) != null) {
                return;
            }
            if (e instanceof Expr.Ident id) {
                if (info.objectOf(id) instanceof Var v) {
                    read.add(v);
                    reads.add(v);
                    Integer at = assignedAt.get(v);
                    if (at != null && events > at && local(v)
                            && !(sinkable.contains(v) && !assignedTwice.contains(v))) {
                        live.add(v);
                    }
                }
            } else if (e instanceof Expr.Call c) {
                call(c);
            } else if (e instanceof Expr.Binary b) {
                binary(b);
            } else if (e instanceof Expr.Unary u) {
                expr(u.x());
                if (u.op() == dev.goroscope.engine.lang.ast.Op.RECV) {
                    Type t = info.typeOf(u.x());
                    Type elem = t == null ? null : ((dev.goroscope.engine.lang.types.Chan) t.underlying()).elem();
                    hidden += elem == null ? 8 : slot(elem); // chanrecv1 writes through the element's address
                    event(16);
                } else if (u.op() == dev.goroscope.engine.lang.ast.Op.AND && u.x() instanceof Expr.CompositeLit) {
                    event(16); // newobject
                }
            } else if (e instanceof Expr.Paren p) {
                expr(p.x());
            } else if (e instanceof Expr.Star st) {
                expr(st.x());
            } else if (e instanceof Expr.Index ix) {
                expr(ix.x());
                expr(ix.index());
                Type t = info.typeOf(ix.x());
                if (t != null && Kinds.isMap(t)) {
                    event(24); // mapaccess1
                }
            } else if (e instanceof Expr.SliceExpr sl) {
                expr(sl.x());
                expr(sl.lo());
                expr(sl.hi());
                expr(sl.max());
            } else if (e instanceof Expr.Selector sel) {
                Selection s = info.selectionOf(sel);
                if (s == null || s.kind() != Selection.Kind.PACKAGE_MEMBER) {
                    expr(sel.x());
                }
            } else if (e instanceof Expr.TypeAssert ta) {
                expr(ta.x());
                Type t = ta.type() == null ? null : info.typeOf(ta.type());
                if (t != null && Kinds.isIface(t)) {
                    event(16); // assertE2I
                }
            } else if (e instanceof Expr.CompositeLit cl) {
                for (Expr el : cl.elts()) {
                    expr(el instanceof Expr.KeyValue kv ? kv.value() : el);
                }
                Type t = info.typeOf(cl);
                if (t != null && Kinds.isMap(t)) {
                    event(24);
                } else if (t != null && Kinds.isSlice(t)) {
                    event(16);
                }
            } else if (e instanceof Expr.FuncLit fl) {
                if (!info.captures(fl).isEmpty()) {
                    event(16); // the closure's context, allocated by newobject when it escapes
                }
            } else if (e instanceof Expr.KeyValue kv) {
                expr(kv.value());
            }
            converted(e);
        }

        /** An implicit conversion to an interface of a value that is not a pointer: runtime.convT. */
        private void converted(Expr e) {
            Type target = info.implicitTarget(e);
            Type t = info.typeOf(e);
            if (target != null && Kinds.isIface(target) && t != null && !Kinds.isIface(t) && !Kinds.isPointer(t)
                    && info.valueOf(e) == null) {
                event(Math.min(slot(t), 24));
            }
        }

        private void binary(Expr.Binary b) {
            Type t = info.typeOf(b);
            if (t != null && Kinds.isString(t) && b.op() == dev.goroscope.engine.lang.ast.Op.ADD) {
                List<Expr> parts = new ArrayList<>();
                flatten(b, parts);
                args(parts);
                event(8 + 16L * parts.size()); // concatstringN(buf, a0, ..., aN-1)
                return;
            }
            args(List.of(b.x(), b.y()));
            if ((b.op() == dev.goroscope.engine.lang.ast.Op.QUO || b.op() == dev.goroscope.engine.lang.ast.Op.REM)
                    && info.valueOf(b.y()) == null && t != null && !Kinds.isFloat(t)) {
                panics = true; // the divide-by-zero check calls runtime.panicdivide, which never returns
            }
        }

        private void flatten(Expr e, List<Expr> out) {
            if (e instanceof Expr.Binary b && b.op() == dev.goroscope.engine.lang.ast.Op.ADD
                    && info.valueOf(b) == null && Kinds.isString(info.typeOf(b))) {
                flatten(b.x(), out);
                flatten(b.y(), out);
            } else {
                out.add(e);
            }
        }

        private void call(Expr.Call c) {
            if (info.isType(c.fun())) {
                args(c.args());
                Type to = info.typeOf(c);
                Type from = c.args().isEmpty() ? null : info.typeOf(c.args().get(0));
                if (to != null && from != null && (Kinds.isString(to) != Kinds.isString(from)
                        || Kinds.isIface(to) && !Kinds.isIface(from) && !Kinds.isPointer(from))) {
                    event(40); // slicebytetostring, stringtoslicebyte, convT
                }
                return;
            }
            Builtin b = info.builtinOf(c);
            if (b != null) {
                builtin(b, c);
                return;
            }
            callArgs(c);
        }

        /** A call's function value, receiver and arguments, then the call; returns its argument bytes. */
        private long callArgs(Expr.Call c) {
            Expr fun = c.fun();
            while (fun instanceof Expr.Paren p) {
                fun = p.x();
            }
            Builtin b = info.builtinOf(c);
            if (b != null) {
                builtin(b, c);
                return 8;
            }
            long recv = 0;
            Func f = null;
            if (fun instanceof Expr.Ident id && info.objectOf(id) instanceof Func fn) {
                f = fn;
            } else if (fun instanceof Expr.Selector sel) {
                Selection s = info.selectionOf(sel);
                if (s != null && s.obj() instanceof Func fn) {
                    f = fn;
                    if (s.kind() == Selection.Kind.METHOD_VAL) {
                        expr(sel.x());
                        recv = 8;
                    }
                }
            } else {
                expr(fun); // a function value: its closure pointer travels in a register
            }
            Signature sig = f != null ? f.type() : fun == null ? null
                    : info.typeOf(fun) != null && info.typeOf(fun).underlying() instanceof Signature s ? s : null;
            args(c.args());
            long bytes = recv;
            if (sig != null) {
                if (sig.recv() != null && recv == 0 && f != null && !f.isStd()) {
                    bytes += slot(sig.recv().type());
                }
                for (Var p : sig.params().vars()) {
                    bytes += slot(p.type());
                }
            }
            goCalls++;
            if (f != null && f == self) {
                recursive = true;
            }
            if (f != null && !f.isStd() && f.decl() != null && f != self && !inlining.contains(f)
                    && Frames.inlinableGuarded(f, info, inlining)) {
                // gc inlines the call: the callee's locals and call sites become part of this frame
                Set<Func> nested = new HashSet<>(inlining);
                nested.add(f);
                Scan callee = new Scan(info, f.decl().body(), nested);
                callee.node(f.decl().body());
                inlinedFrames += callee.size() - Math.max(callee.site, callee.inlinedSite);
                inlinedSite = Math.max(inlinedSite, Math.max(callee.site, callee.inlinedSite));
            }
            if (f != null && f.isStd() && sig != null && sig.variadic() && c.ellipsis() == null) {
                long n = Math.max(0, c.args().size() - (sig.params().size() - 1));
                hidden += 16 * n; // each call site's own [n]any array
                bytes += 8 + 8 * Math.min(n, 2); // the converted values
            } else if (f != null && f.isStd() && f.fullName().endsWith("WaitGroup).Done")) {
                bytes += 8; // Done is Add(-1)
            }
            event(bytes);
            return bytes;
        }

        private void builtin(Builtin b, Expr.Call c) {
            args(c.args());
            switch (b.kind()) {
                case APPEND -> event(64); // growslice, and the slice kept across it
                case MAKE -> {
                    Type t = info.typeOf(c);
                    event(t != null && Kinds.isChan(t) ? 16 : 24);
                }
                case NEW -> event(16);
                case COPY, DELETE -> event(24);
                case CLOSE, RECOVER -> event(8);
                case PANIC -> {
                    notInlinable = true;
                    event(16);
                }
                case PRINT, PRINTLN -> {
                    long most = 8;
                    for (Expr a : c.args()) {
                        Type t = info.typeOf(a);
                        most = Math.max(most, t != null && Kinds.isString(t) ? 16 : 8);
                    }
                    event(most);
                }
                default -> { }
            }
        }
    }
}
