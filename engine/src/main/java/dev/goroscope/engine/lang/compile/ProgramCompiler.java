package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.check.GoCompileError;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.FuncInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a checked program: every function to {@link Code}, package-level variables to global
 * registers initialised by a synthetic {@code main.init}, calls patched to their targets. What
 * this version cannot run is reported as {@code prog.go:L:C: unsupported: ...}.
 */
public final class ProgramCompiler {
    /** A compiled program. */
    public record Program(Code init, Code main, int globalInts, int globalRefs) {}

    /** A call target compiled later; replaced by its {@link Code} before the program runs. */
    /** A call target to fill in once every function is compiled; {@code inline}: a site gc inlines. */
    record CodeRef(Func f, boolean inline) {}

    final Info info;
    private final CompilerFacts facts;
    private final Map<Func, Code> inlinedCodes = new HashMap<>();
    private final String fileName;
    private final Map<Var, Integer> globals = new HashMap<>();
    /** Pointer-holding globals: the engine global (a root) each one is, by address. */
    private final Map<Var, long[]> rootCells = new HashMap<>();
    private final Map<Func, Code> codes = new LinkedHashMap<>();
    /** Every code built, function literals included, for patching call targets. */
    private final List<Code> lateCodes = new ArrayList<>();
    private final Map<String, Code> wrappers = new HashMap<>();
    private int gi;
    private int gr;
    /** The method tables interface calls and fmt use. */
    final MethodSets methods = new MethodSets(this);

    private ProgramCompiler(Info info, CompilerFacts facts, String fileName) {
        this.info = info;
        this.facts = facts;
        this.fileName = fileName;
    }

    /**
     * @param facts gc's frame sizes and inlining ({@code --frames=go}), or null to estimate
     * @throws GoCompileError for constructs this version does not support
     */
    public static Program compile(SourceFile f, Info info, CompilerFacts facts) {
        ProgramCompiler pc = new ProgramCompiler(info, facts, f.fileName());
        try {
            return pc.build(f);
        } catch (Unsupported u) {
            int line = u.pos == null ? 1 : u.pos.line();
            int col = u.pos == null ? 1 : u.pos.col();
            throw new GoCompileError(List.of(new Diagnostic(f.fileName(), line, col, u.getMessage())));
        }
    }

    private Program build(SourceFile f) {
        for (Var v : info.globals()) {
            Type t = v.type();
            boolean ok = Kinds.scalar(t) || Kinds.isString(t) || Kinds.scalarArray(t) || Kinds.refersToHeap(t)
                    || SyncOps.is(t) || PoolOps.is(t) || (Kinds.isStruct(t) && !Kinds.holdsHeapPointers(t));
            if (!ok) {
                throw new Unsupported(v.pos(), "package-level variables of type " + t);
            }
            globals.put(v, Kinds.scalar(t) ? gi++ : gr++);
            if (Kinds.refersToHeap(t)) {
                rootCells.put(v, new long[1]); // its address in the data segment, set by main.init
            }
        }
        Func mainFn = null;
        for (Func fn : info.functions()) {
            codes.put(fn, function(fn));
            if (fn.name().equals("main")) {
                mainFn = fn;
            }
        }
        List<Func> inits = info.inits();
        for (int k = 0; k < inits.size(); k++) {
            codes.put(inits.get(k), initFunction(inits.get(k), k));
        }
        Code init = initCode(f, inits);
        for (Code c : lateCodes) {
            patch(c);
        }
        return new Program(init, codes.get(mainFn), gi, gr);
    }

    /**
     * A generated function (the wrapper of a method value or method expression), built the first
     * time its name is asked for; its call targets are patched like every other code's.
     */
    Code wrapper(String name, java.util.function.Supplier<Code> build) {
        Code c = wrappers.get(name);
        if (c == null) {
            c = build.get();
            wrappers.put(name, c);
            lateCodes.add(c);
        }
        return c;
    }

    /** The compiled code of a function or method (once the program is compiled). */
    Code codeOf(Func f) {
        return codes.get(f);
    }

    Object codeRef(Func f) {
        return new CodeRef(f, false);
    }

    /**
     * The target of a direct call at {@code lparen}: the inlined variant where gc inlines this call
     * (gc's own {@code inlining call to} note in exact mode, the estimator's rule otherwise).
     */
    Object callRef(Func f, dev.goroscope.engine.lang.ast.Pos lparen) {
        boolean inline = facts != null ? facts.inlinedAt(lparen.line(), lparen.col()) : Frames.inlinable(f, info);
        return new CodeRef(f, inline);
    }

    Integer globalSlot(Var v) {
        return globals.get(v);
    }

    /** The cell holding a pointer-holding global's engine address, or null. */
    long[] rootCell(Var v) {
        return rootCells.get(v);
    }

    /** A function, or a method with its receiver as the first parameter (gc's symbol names). */
    private Code function(Func fn) {
        List<Var> params = new ArrayList<>();
        if (fn.type().recv() != null) {
            params.add(fn.type().recv());
        }
        params.addAll(fn.type().params().vars());
        List<Var> results = new ArrayList<>(fn.type().results().vars());
        FuncCompiler fc = new FuncCompiler(this, fn.fullName(), params, results, fn.decl().body());
        return finish(fc, fn.decl().body(), Frames.of(fn, info, facts), params, results, 0);
    }

    /**
     * Compiles a body and builds its code. A function that holds pointers keeps them in frame
     * slots the collector scans, so it always has a frame (even where gc inlined it).
     *
     * @param captures closure variables passed in reference registers after the parameters
     */
    Code finish(FuncCompiler fc, dev.goroscope.engine.lang.ast.Stmt.Block body, FuncInfo frame, List<Var> params,
                List<Var> results, int captures) {
        fc.block(body);
        fc.asm.line(body.rbrace().line());
        fc.emitReturn(results);
        int slots = fc.slotCount();
        if (slots > 0) {
            long size = frame == null ? 8L * slots + 8 : Math.max(frame.frameSize(), frame.nosplit() ? 0 : 8);
            frame = new FuncInfo(fc.name, size, slots, false);
        }
        int pi = 0;
        int pr = captures;
        for (Var p : params) {
            if (Kinds.scalar(p.type())) {
                pi++;
            } else {
                pr++;
            }
        }
        int ri = 0;
        int rr = 0;
        for (Var r : results) {
            if (Kinds.scalar(r.type())) {
                ri++;
            } else {
                rr++;
            }
        }
        Code code = fc.asm.build(frame, pi, pr, ri, rr, captures);
        lateCodes.add(code);
        return code;
    }

    /** The {@code k}-th {@code func init()}, which gc names {@code main.init.k}. */
    private Code initFunction(Func fn, int k) {
        String name = "main.init." + k;
        FuncCompiler fc = new FuncCompiler(this, name, List.of(), List.of(), fn.decl().body());
        return finish(fc, fn.decl().body(), Frames.of(name, fn.type(), fn.decl().body(), info, facts), List.of(),
                List.of(), 0);
    }

    CompilerFacts facts() {
        return facts;
    }

    /**
     * {@code main.init}: package-level variables get their initial values, in source order, then
     * the {@code init} functions run in source order (the spec's package initialization).
     */
    private Code initCode(SourceFile f, List<Func> inits) {
        FuncCompiler fc = new FuncCompiler(this, "main.init", List.of(), List.of(), null);
        for (Map.Entry<Var, long[]> e : rootCells.entrySet()) {
            fc.heap.declareGlobal("main." + e.getKey().name(), e.getValue());
        }
        for (Decl d : f.decls()) {
            if (d instanceof Decl.GenDecl g && g.kind() == Decl.GenDecl.Kind.VAR) {
                for (Spec sp : g.specs()) {
                    Spec.ValueSpec v = (Spec.ValueSpec) sp;
                    for (int k = 0; k < v.names().size(); k++) {
                        Var var = (Var) info.objectOf(v.names().get(k));
                        if (var == null || v.names().get(k).isBlank()) {
                            continue;
                        }
                        int tmp = fc.exprs.temp(var.type());
                        if (v.values().isEmpty()) {
                            new Assigns(fc).zero(tmp, var.type());
                        } else {
                            fc.exprs.into(v.values().get(k), tmp, var.type());
                        }
                        fc.exprs.vm(Kinds.scalar(var.type()) ? Op.GSTI : Op.GSTR, globals.get(var), tmp);
                        if (rootCells.containsKey(var)) {
                            fc.heap.globalStore(rootCells.get(var), tmp);
                        }
                    }
                }
            }
        }
        for (Func fn : inits) {
            fc.asm.emit(Op.CALL, fc.asm.constant(new CodeRef(fn, false)), fc.asm.ints(), fc.asm.refs(), fc.asm.ints(),
                    fc.asm.refs());
        }
        fc.asm.emit(Op.RET, 0, 0);
        // main.init runs package initialisers; it needs a frame only to hold pointers it makes
        // (a closure, a new object) until they are stored in their variables.
        int slots = fc.slotCount();
        FuncInfo frame = slots == 0 ? null : new FuncInfo("main.init", 8L * slots + 8, slots, false);
        Code code = fc.asm.build(frame, 0, 0, 0, 0);
        lateCodes.add(code);
        return code;
    }

    private void patch(Code c) {
        Object[] k = c.consts();
        for (int i = 0; i < k.length; i++) {
            if (k[i] instanceof CodeRef ref) {
                Code target = codes.get(ref.f());
                // A function that keeps pointers in frame slots needs its frame even where gc inlined it.
                boolean inline = ref.inline() && target.frame() != null && target.frame().ptrSlots() == 0;
                k[i] = inline ? inlinedCodes.computeIfAbsent(ref.f(), f -> target.inlined()) : target;
            }
        }
    }

    String fileName() {
        return fileName;
    }
}
