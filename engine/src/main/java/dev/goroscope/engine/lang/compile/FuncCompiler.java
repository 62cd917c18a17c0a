package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Asm;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one function body to VM code: statements here, expressions in {@link ExprCompiler}.
 * Parameters take the first registers of their file in order, then named results, so the VM's
 * calling convention (arguments copied into the callee's first registers) needs no shuffling.
 */
final class FuncCompiler {
    final Info info;
    /** The function's body (null for generated code), for questions about the whole function. */
    final Stmt.Block body;
    final Asm asm;
    final ProgramCompiler program;
    final Map<Var, Integer> regs = new HashMap<>();
    final ExprCompiler exprs;
    private final List<Var> results;
    private final ArrayDeque<int[]> loops = new ArrayDeque<>(); // {breakLabel, continueLabel}
    /** Loops and switches by label, for labeled break and continue. */
    private final Map<String, int[]> labels = new HashMap<>();
    /** The label of the statement being compiled, until the loop or switch it names claims it. */
    private String pendingLabel;
    final HeapOps heap;
    /** Variables whose address is taken: they live in a heap box ("moved to heap"). */
    final java.util.Set<Var> boxed;
    /** Local arrays only ever stored into: gc deletes them, and so does the compiler. */
    final java.util.Set<Var> writeOnly = new java.util.HashSet<>();
    /** Parameters (receivers included) the body never assigns to, nor any field of. */
    private final java.util.Set<Var> readOnlyParams;
    /** Frame pointer slot of each pointer-holding variable. */
    final Map<Var, Integer> slots = new HashMap<>();
    private int nslots;

    final String name;
    private int closures;
    /** This function's defer statements, as gc plans them ({@link DeferOps}). */
    final DeferOps.Plan deferPlan;
    /** Result variables moved to a heap box (a closure captures them): their result registers. */
    private final Map<Var, Integer> resultOut = new HashMap<>();
    /** Expressions already evaluated into registers (a defer wrapper's operands), or null. */
    Map<Expr, Integer> preset;

    FuncCompiler(ProgramCompiler program, String name, List<Var> params, List<Var> results, Stmt.Block body) {
        this(program, name, params, results, body, List.of());
    }

    /**
     * @param captures variables of enclosing functions this closure uses: their heap boxes arrive
     *                 in the reference registers right after the declared parameters
     */
    FuncCompiler(ProgramCompiler program, String name, List<Var> params, List<Var> results, Stmt.Block body,
                 List<Var> captures) {
        this(program, name, params, results, body, captures, java.util.Set.copyOf(captures));
    }

    /** @param byRef the captures that arrive as heap boxes; the others arrive as values */
    FuncCompiler(ProgramCompiler program, String name, List<Var> params, List<Var> results, Stmt.Block body,
                 List<Var> captures, java.util.Set<Var> byRef) {
        this.program = program;
        this.info = program.info;
        this.name = name;
        this.body = body;
        this.asm = new Asm(name);
        this.results = results;
        this.exprs = new ExprCompiler(this);
        this.heap = new HeapOps(this);
        this.boxed = new java.util.HashSet<>();
        this.deferPlan = DeferOps.plan(body, info);
        this.readOnlyParams = new java.util.HashSet<>(params);
        if (body != null) {
            java.util.Set<Var> captured = Escapes.captured(body, info);
            for (Var v : Escapes.writeOnlyArrays(body, info)) {
                if (v.kind() == Var.Kind.LOCAL && !params.contains(v) && !captured.contains(v)) {
                    writeOnly.add(v);
                }
            }
            boxed.addAll(Escapes.addressTaken(body, info));
            java.util.Set<Var> reassigned = Escapes.reassigned(body, info);
            readOnlyParams.removeAll(reassigned);
            reassigned.addAll(Escapes.addressTakenAll(body, info));
            for (Var v : captured) {
                if (program.globalSlot(v) == null && reassigned.contains(v)) {
                    boxed.add(v); // captured by reference: shared through a heap box
                }
            }
            for (Var r : results) {
                if (captured.contains(r)) {
                    boxed.add(r); // set by return statements, read or changed by a closure (a deferred one)
                }
            }
        }
        for (Var p : params) {
            regs.put(p, Kinds.scalar(p.type()) ? asm.newInt() : asm.newRef());
        }
        java.util.List<int[]> arrivals = new java.util.ArrayList<>();
        for (Var c : captures) {
            int reg = asm.newRef(); // the closure hands over a box (by reference) or a value (by value)
            regs.put(c, reg);
            arrivals.add(new int[] {reg});
        }
        for (int k = 0; k < captures.size(); k++) {
            Var c = captures.get(k);
            int reg = arrivals.get(k)[0];
            if (byRef.contains(c)) {
                boxed.add(c);
                heap.slotStore(newSlot(), reg); // the closure keeps its variables alive
            } else if (Kinds.scalar(c.type())) {
                int ir = asm.newInt();
                heap.unboxInto(reg, ir, c.type());
                regs.put(c, ir);
            } else if (Kinds.refersToHeap(c.type())) {
                int slot = newSlot();
                slots.put(c, slot);
                heap.slotStore(slot, reg);
            }
        }
        for (Var r : results) {
            regs.put(r, Kinds.scalar(r.type()) ? asm.newInt() : asm.newRef());
        }
        for (Var p : params) {
            settle(p);
        }
        for (Var r : results) {
            check(r);
            if (boxed.contains(r)) {
                int box = asm.newRef();
                heap.newBox(r.type(), -1, false, box);
                resultOut.put(r, regs.get(r));
                regs.put(r, box);
            } else if (Kinds.refersToHeap(r.type())) {
                slots.put(r, newSlot());
            }
            if (deferPlan.any() && !boxed.contains(r) && !Kinds.scalar(r.type())) {
                new Assigns(this).zero(regs.get(r), r.type()); // a recovered panic returns them as they are
            }
        }
    }

    /** Whether {@code e} was evaluated already (a defer wrapper's operand): its register, or null. */
    Integer preset(Expr e) {
        return preset == null ? null : preset.get(e);
    }

    /** A parameter arrived in its register: box it if its address is taken, root it if a pointer. */
    private void settle(Var p) {
        check(p);
        int reg = regs.get(p);
        if (boxed.contains(p)) {
            int box = asm.newRef();
            heap.newBox(p.type(), reg, Kinds.scalar(p.type()), box);
            regs.put(p, box);
        } else if (Kinds.refersToHeap(p.type())) {
            int slot = newSlot();
            slots.put(p, slot);
            heap.slotStore(slot, reg);
        } else if (Kinds.isStruct(p.type()) && HeapOps.pointerLeaves(p.type()) > 0) {
            // a struct receiver or argument never written: its pointers are rooted once, at entry
            int first = nslots;
            for (int k = HeapOps.pointerLeaves(p.type()); k > 0; k--) {
                newSlot();
            }
            heap.slotStoreStruct(first, reg, p.type());
        }
    }

    /** The gc name of the next function literal in this function: main.f.func1, main.f.func1.1, ... */
    String closureName() {
        closures++;
        return name.matches(".*\\.func\\d+(\\.\\d+)*") ? name + "." + closures : name + ".func" + closures;
    }

    /** A fresh frame pointer slot. */
    int newSlot() {
        return nslots++;
    }

    int slotCount() {
        return nslots;
    }

    private void check(Var v) {
        Type t = v.type();
        if (!Kinds.scalar(t) && !Kinds.isString(t) && !Kinds.scalarArray(t) && !Kinds.isChan(t)
                && !MemStatsOps.is(t) && !Kinds.isPointer(t) && !Kinds.isStruct(t) && !SyncOps.is(t)
                && !Kinds.isSlice(t) && !TimeOps.isTime(t) && !Kinds.isFunc(t) && !Kinds.isIface(t)
                && !PoolOps.is(t) && !Kinds.isMap(t) && !BufferOps.is(t)) {
            throw new Unsupported(v.pos(), "variables of type " + t
                    + " (this version runs scalars, strings, arrays of scalars, structs, pointers and channels)");
        }
        if (Kinds.isStruct(t) && !boxed.contains(v) && Kinds.holdsHeapPointers(t) && !MemStatsOps.is(t)
                && !SyncOps.is(t) && !TimeOps.isTime(t) && !PoolOps.is(t) && !BufferOps.is(t)
                && !(readOnlyParams.contains(v) && HeapOps.pointerLeaves(t) > 0)) {
            throw new Unsupported(v.pos(), "struct variables holding pointers (use a pointer to the struct)");
        }
    }

    /**
     * A register for a new variable, in the file its type needs. A moved variable's register
     * holds its heap box (allocated here, zeroed); a pointer variable gets a frame slot.
     */
    int define(Var v) {
        check(v);
        Type t = v.type();
        if (writeOnly.contains(v)) {
            regs.put(v, -1);
            return -1; // an array gc deleted has no register
        }
        if (boxed.contains(v)) {
            int box = asm.newRef();
            heap.newBox(t, -1, false, box);
            regs.put(v, box);
            return box;
        }
        int reg = Kinds.scalar(t) ? asm.newInt() : asm.newRef();
        regs.put(v, reg);
        if (Kinds.refersToHeap(t)) {
            slots.put(v, newSlot());
        }
        return reg;
    }

    boolean isScalar(Var v) {
        return Kinds.scalar(v.type());
    }

    /** Enters a loop or switch: break and continue (and its label, if any) target it. */
    void pushLoop(int[] targets) {
        loops.push(targets);
        if (pendingLabel != null) {
            labels.put(pendingLabel, targets);
            pendingLabel = null;
        }
    }

    void popLoop() {
        loops.pop();
    }

    /** A block's variables die at its end, so their registers are reused after it. */
    void block(Stmt.Block b) {
        long mark = asm.mark();
        for (Stmt s : b.stmts()) {
            stmt(s);
        }
        asm.release(mark);
    }

    /**
     * Compiles one statement. A statement that declares nothing in the enclosing block frees its
     * temporaries when it ends; so does a compound statement (if, for, switch, select, range),
     * whose own variables are scoped to it.
     */
    void stmt(Stmt s) {
        asm.line(s.pos().line());
        if (declaresInBlock(s)) {
            compile(s);
            return;
        }
        long mark = asm.mark();
        compile(s);
        asm.release(mark);
    }

    /** Whether {@code s} declares variables that outlive it (in the block around it). */
    private static boolean declaresInBlock(Stmt s) {
        if (s instanceof Stmt.DeclStmt || s instanceof Stmt.Labeled) {
            return true;
        }
        return s instanceof Stmt.Assign a && a.define();
    }

    private void compile(Stmt s) {
        if (s instanceof Stmt.Block b) {
            block(b);
        } else if (s instanceof Stmt.ExprStmt e) {
            exprs.discard(e.x());
        } else if (s instanceof Stmt.Assign a) {
            new Assigns(this).assign(a);
        } else if (s instanceof Stmt.IncDec d) {
            new Assigns(this).incDec(d);
        } else if (s instanceof Stmt.DeclStmt d) {
            declStmt(d.decl());
        } else if (s instanceof Stmt.If i) {
            ifStmt(i);
        } else if (s instanceof Stmt.For f) {
            forStmt(f);
        } else if (s instanceof Stmt.Switch sw) {
            switchStmt(sw);
        } else if (s instanceof Stmt.TypeSwitch ts) {
            new TypeSwitches(this).compile(ts);
        } else if (s instanceof Stmt.Return r) {
            returnStmt(r);
        } else if (s instanceof Stmt.Branch br) {
            branch(br);
        } else if (s instanceof Stmt.Range rg) {
            new Ranges(this).range(rg);
        } else if (s instanceof Stmt.Send send) {
            ChanOps.send(this, send.ch(), send.value());
        } else if (s instanceof Stmt.Go go) {
            new Calls(this).go(go.call());
        } else if (s instanceof Stmt.Select sel) {
            new SelectOps(this).select(sel);
        } else if (s instanceof Stmt.Defer d) {
            new DeferOps(this).defer(d);
        } else if (s instanceof Stmt.Labeled l) {
            pendingLabel = l.label().name();
            stmt(l.stmt());
            pendingLabel = null;
        } else if (s instanceof Stmt.Empty) {
            return;
        } else {
            throw new Unsupported(s.pos(), s.getClass().getSimpleName());
        }
    }

    private void declStmt(Decl.GenDecl d) {
        for (Spec sp : d.specs()) {
            if (sp instanceof Spec.ValueSpec v && d.kind() == Decl.GenDecl.Kind.VAR) {
                new Assigns(this).varSpec(v);
            }
            // const and type declarations leave no code: constants are folded by the checker.
        }
    }

    private void ifStmt(Stmt.If s) {
        if (s.init() != null) {
            stmt(s.init());
        }
        int elseL = asm.label();
        int end = asm.label();
        long mark = asm.mark();
        exprs.branchIfFalse(s.cond(), elseL);
        asm.release(mark); // the condition's temporaries are dead once it has branched
        block(s.then());
        asm.jump(Op.JMP, 0, end);
        asm.place(elseL);
        if (s.els() != null) {
            stmt(s.els());
        }
        asm.place(end);
    }

    /** Runs {@code body} as a loop body: break jumps to {@code end}, continue to {@code cont}. */
    void loopBody(Stmt.Block body, int end, int cont) {
        pushLoop(new int[] {end, cont});
        block(body);
        loops.pop();
    }

    private void forStmt(Stmt.For s) {
        if (s.init() != null) {
            stmt(s.init());
        }
        int top = asm.label();
        int cont = asm.label();
        int end = asm.label();
        asm.place(top);
        if (s.cond() != null) {
            long mark = asm.mark();
            exprs.branchIfFalse(s.cond(), end);
            asm.release(mark);
        }
        pushLoop(new int[] {end, cont});
        block(s.body());
        loops.pop();
        asm.place(cont);
        if (s.post() != null) {
            stmt(s.post());
        }
        asm.jump(Op.JMP, 0, top);
        asm.place(end);
    }

    private void switchStmt(Stmt.Switch s) {
        if (s.init() != null) {
            stmt(s.init());
        }
        int end = asm.label();
        List<CaseClause> cs = s.clauses();
        int[] bodies = new int[cs.size()];
        for (int k = 0; k < cs.size(); k++) {
            bodies[k] = asm.label();
        }
        int tag = s.tag() == null ? -1 : exprs.value(s.tag());
        int deflt = -1;
        for (int k = 0; k < cs.size(); k++) {
            CaseClause c = cs.get(k);
            if (c.isDefault()) {
                deflt = k;
                continue;
            }
            for (Expr e : c.list()) {
                int cond = s.tag() == null ? exprs.value(e) : exprs.equal(s.tag(), tag, e);
                asm.jump(Op.JT, cond, bodies[k]);
            }
        }
        asm.jump(Op.JMP, 0, deflt >= 0 ? bodies[deflt] : end);
        pushLoop(new int[] {end, -1});
        for (int k = 0; k < cs.size(); k++) {
            asm.place(bodies[k]);
            List<Stmt> body = cs.get(k).body();
            for (Stmt st : body) {
                if (st instanceof Stmt.Branch b && b.kind() == Stmt.BranchKind.FALLTHROUGH) {
                    asm.jump(Op.JMP, 0, k + 1 < cs.size() ? bodies[k + 1] : end);
                } else {
                    stmt(st);
                }
            }
            asm.jump(Op.JMP, 0, end);
        }
        loops.pop();
        asm.place(end);
    }

    private void returnStmt(Stmt.Return s) {
        if (s.results().isEmpty()) {
            emitReturn(results);
            return;
        }
        List<Expr> rs = s.results();
        if (rs.size() == 1 && results.size() > 1) {
            // return f(): the call's results land straight in this function's result registers
            int ri = -1;
            int rr = -1;
            for (Var v : results) {
                if (isScalar(v) && ri < 0) {
                    ri = resultOut.getOrDefault(v, regs.get(v));
                } else if (!isScalar(v) && rr < 0) {
                    rr = resultOut.getOrDefault(v, regs.get(v));
                }
            }
            new Calls(this).call((dev.goroscope.engine.lang.ast.Expr.Call) rs.get(0), ri, rr);
            for (Var v : results) {
                if (resultOut.containsKey(v)) {
                    heap.write(regs.get(v), v.type(), resultOut.get(v));
                }
            }
            emitReturn(results);
            return;
        }
        if (resultOut.isEmpty()) {
            for (int k = 0; k < rs.size(); k++) {
                exprs.into(rs.get(k), regs.get(results.get(k)), results.get(k).type());
            }
        } else {
            // Evaluate every result first, then set the result variables (some live in heap boxes).
            int[] vals = new int[rs.size()];
            for (int k = 0; k < rs.size(); k++) {
                Type t = results.get(k).type();
                vals[k] = exprs.temp(t);
                exprs.into(rs.get(k), vals[k], t);
            }
            for (int k = 0; k < rs.size(); k++) {
                Var v = results.get(k);
                if (resultOut.containsKey(v)) {
                    heap.write(regs.get(v), v.type(), vals[k]);
                } else {
                    exprs.vm(Kinds.move(v.type()), regs.get(v), vals[k]);
                }
            }
        }
        emitReturn(results);
    }

    /**
     * RET from the first result register of each file (results are consecutive in each file);
     * in a function with defers, its deferred calls run first, and results moved to the heap are
     * read back after them.
     */
    void emitReturn(List<Var> res) {
        if (deferPlan.any()) {
            DeferOps.exit(this);
        }
        int ri = -1;
        int rr = -1;
        for (Var v : res) {
            Integer out = resultOut.get(v);
            int reg = out != null ? out : regs.get(v);
            if (out != null) {
                exprs.vm(Kinds.move(v.type()), reg, heap.read(regs.get(v), v.type()));
            }
            if (isScalar(v) && ri < 0) {
                ri = reg;
            } else if (!isScalar(v) && rr < 0) {
                rr = reg;
            }
        }
        asm.emit(Op.RET, Math.max(ri, 0), Math.max(rr, 0));
    }

    private void branch(Stmt.Branch b) {
        if (b.label() != null) {
            int[] l = labels.get(b.label().name());
            if (l == null || b.kind() == Stmt.BranchKind.CONTINUE && l[1] < 0) {
                throw new Unsupported(b.pos(), "this labeled " + b.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            asm.jump(Op.JMP, 0, b.kind() == Stmt.BranchKind.BREAK ? l[0] : l[1]);
            return;
        }
        for (int[] l : loops) {
            if (b.kind() == Stmt.BranchKind.BREAK) {
                asm.jump(Op.JMP, 0, l[0]);
                return;
            }
            if (b.kind() == Stmt.BranchKind.CONTINUE && l[1] >= 0) {
                asm.jump(Op.JMP, 0, l[1]);
                return;
            }
        }
        throw new Unsupported(b.pos(), b.kind().name().toLowerCase(java.util.Locale.ROOT) + " here");
    }

    /** The variable an identifier denotes, or null. */
    Obj obj(Expr.Ident id) {
        return info.objectOf(id);
    }
}
