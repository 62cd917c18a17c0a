package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.ChanResult;
import dev.goroscope.engine.runtime.Channel;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.SelectCase;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code select} statement over the runtime's {@code selectgo}: the channel operands and
 * send values are evaluated first, in source order; the runtime picks a ready case in its
 * seeded poll order, takes the default, or parks the goroutine on every channel at once.
 */
final class SelectOps {
    private final FuncCompiler fc;

    SelectOps(FuncCompiler fc) {
        this.fc = fc;
    }

    /** The receive expression of a clause ({@code <-ch}), or null for a send or default. */
    private static Expr.Unary recv(Stmt comm) {
        Expr e = null;
        if (comm instanceof Stmt.ExprStmt es) {
            e = es.x();
        } else if (comm instanceof Stmt.Assign a) {
            e = a.rhs().get(0);
        }
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        return e instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.RECV ? u : null;
    }

    void select(Stmt.Select s) {
        List<CommClause> cs = s.clauses();
        List<CommClause> comms = new ArrayList<>();
        boolean hasDefault = false;
        for (CommClause c : cs) {
            if (c.isDefault()) {
                hasDefault = true;
            } else {
                comms.add(c);
            }
        }
        int n = comms.size();
        int[] chans = new int[n];
        int[] vals = new int[n];
        boolean[] send = new boolean[n];
        boolean[] scalarElem = new boolean[n];
        int[] recvVal = new int[n];
        int[] recvOk = new int[n];
        for (int k = 0; k < n; k++) {
            Stmt comm = comms.get(k).comm();
            if (comm instanceof Stmt.Send sd) {
                send[k] = true;
                chans[k] = fc.exprs.value(sd.ch());
                vals[k] = fc.exprs.value(sd.value());
                scalarElem[k] = Kinds.scalar(ChanOps.chanType(fc.info.typeOf(sd.ch())).elem());
            } else {
                Expr.Unary u = recv(comm);
                if (u == null) {
                    throw new Unsupported(comm.pos(), "this select case");
                }
                Type elem = ChanOps.chanType(fc.info.typeOf(u.x())).elem();
                chans[k] = fc.exprs.value(u.x());
                scalarElem[k] = Kinds.scalar(elem);
                recvVal[k] = scalarElem[k] ? fc.asm.newInt() : fc.asm.newRef();
                recvOk[k] = fc.asm.newInt();
            }
        }
        int chosen = fc.asm.newInt();
        boolean def = hasDefault;
        Native nat = (th, i, r, a, b, x, y, resumed) -> {
            Goroutine g = th.goroutine();
            ChanResult res;
            if (resumed) {
                res = g.wake();
                g.clearWake();
            } else {
                List<SelectCase> cases = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    Object v = !send[k] ? null : scalarElem[k] ? (Object) i[vals[k]] : r[vals[k]];
                    cases.add(new SelectCase((Channel) r[chans[k]], send[k],
                            send[k] ? new Channel.Elem(v, new long[] {HeapOps.addrOfAny(v)}) : null));
                }
                res = th.machine().runtime().select(g, cases, def);
                if (res.blocked()) {
                    return Native.Result.BLOCKED;
                }
            }
            if (res.panicked()) {
                throw new GoPanic(res.panic(), GoString.of(res.panic()), false);
            }
            int k = res.caseIndex();
            i[chosen] = k;
            if (k >= 0 && !send[k]) {
                Object v = res.received() == null ? null : res.received().value();
                if (scalarElem[k]) {
                    i[recvVal[k]] = v == null ? 0 : (Long) v;
                } else {
                    r[recvVal[k]] = v;
                }
                i[recvOk[k]] = res.ok() ? 1 : 0;
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(nat), 0, 0, 0, 0);
        int end = fc.asm.label();
        int[] bodies = new int[cs.size()];
        for (int k = 0; k < bodies.length; k++) {
            bodies[k] = fc.asm.label();
        }
        int defaultBody = -1;
        int idx = 0;
        for (int k = 0; k < cs.size(); k++) {
            if (cs.get(k).isDefault()) {
                defaultBody = bodies[k];
                continue;
            }
            int want = fc.asm.newInt();
            fc.exprs.vm(Op.LDI, want, fc.asm.constant((long) idx++));
            int eq = fc.asm.newInt();
            fc.exprs.vm(Op.EQ, eq, chosen, want);
            fc.asm.jump(Op.JT, eq, bodies[k]);
        }
        fc.asm.jump(Op.JMP, 0, defaultBody >= 0 ? defaultBody : end);
        fc.pushLoop(new int[] {end, -1});
        idx = 0;
        for (int k = 0; k < cs.size(); k++) {
            CommClause c = cs.get(k);
            fc.asm.place(bodies[k]);
            if (!c.isDefault()) {
                int ci = idx++;
                if (c.comm() instanceof Stmt.Assign a) {
                    Assigns as = new Assigns(fc);
                    if (!(a.lhs().get(0) instanceof Expr.Ident id && id.isBlank())) {
                        as.store(a.lhs().get(0), recvVal[ci], a.define());
                    }
                    if (a.lhs().size() > 1 && !(a.lhs().get(1) instanceof Expr.Ident id2 && id2.isBlank())) {
                        as.store(a.lhs().get(1), recvOk[ci], a.define());
                    }
                }
            }
            for (Stmt st : c.body()) {
                fc.stmt(st);
            }
            fc.asm.jump(Op.JMP, 0, end);
        }
        fc.popLoop();
        fc.asm.place(end);
    }
}
