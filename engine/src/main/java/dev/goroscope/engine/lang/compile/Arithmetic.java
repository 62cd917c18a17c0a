package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Asm;

/** Binary operators by operand type: Go's integer, float, string and bool rules. */
final class Arithmetic {
    private Arithmetic() {}

    static int binary(ExprCompiler ec, Expr.Binary b, Type operand, Type result, int x, int y) {
        Asm asm = ec.asm();
        Op op = b.op();
        switch (op) {
            case EQL: case NEQ: case LSS: case LEQ: case GTR: case GEQ:
                return compare(ec, op, operand, x, y);
            default:
                break;
        }
        if (Kinds.isString(operand)) {
            if (op != Op.ADD) {
                throw new Unsupported(b.opPos(), "operator " + op + " on strings");
            }
            int r = asm.newRef();
            ec.vm(dev.goroscope.engine.lang.vm.Op.CONCAT, r, x, y);
            return r;
        }
        int r = asm.newInt();
        if (Kinds.isFloat(operand)) {
            int fop;
            switch (op) {
                case ADD: fop = dev.goroscope.engine.lang.vm.Op.FADD; break;
                case SUB: fop = dev.goroscope.engine.lang.vm.Op.FSUB; break;
                case MUL: fop = dev.goroscope.engine.lang.vm.Op.FMUL; break;
                case QUO: fop = dev.goroscope.engine.lang.vm.Op.FDIV; break;
                default: throw new Unsupported(b.opPos(), "operator " + op + " on floats");
            }
            ec.vm(fop, r, x, y);
            return r;
        }
        boolean u = Kinds.isUnsigned(operand);
        int iop;
        switch (op) {
            case ADD: iop = dev.goroscope.engine.lang.vm.Op.ADD; break;
            case SUB: iop = dev.goroscope.engine.lang.vm.Op.SUB; break;
            case MUL: iop = dev.goroscope.engine.lang.vm.Op.MUL; break;
            case QUO: iop = u ? dev.goroscope.engine.lang.vm.Op.DIVU : dev.goroscope.engine.lang.vm.Op.DIV; break;
            case REM: iop = u ? dev.goroscope.engine.lang.vm.Op.REMU : dev.goroscope.engine.lang.vm.Op.REM; break;
            case AND: iop = dev.goroscope.engine.lang.vm.Op.AND; break;
            case OR: iop = dev.goroscope.engine.lang.vm.Op.OR; break;
            case XOR: iop = dev.goroscope.engine.lang.vm.Op.XOR; break;
            case AND_NOT: iop = dev.goroscope.engine.lang.vm.Op.ANDNOT; break;
            case SHL: iop = dev.goroscope.engine.lang.vm.Op.SHL; break;
            case SHR: iop = u ? dev.goroscope.engine.lang.vm.Op.SHRU : dev.goroscope.engine.lang.vm.Op.SHR; break;
            default: throw new Unsupported(b.opPos(), "operator " + op);
        }
        ec.vm(iop, r, x, y);
        return ec.wrap(r, result);
    }

    /** An i-register holding the comparison's 0/1 result. */
    static int compare(ExprCompiler ec, Op op, Type operand, int x, int y) {
        Asm asm = ec.asm();
        int r = asm.newInt();
        boolean swap = op == Op.GTR || op == Op.GEQ;
        int a = swap ? y : x;
        int b = swap ? x : y;
        boolean strict = op == Op.LSS || op == Op.GTR;
        if (Kinds.isIface(operand)) {
            int eq = new IfaceOps(ec.fc()).equal(x, y);
            return op == Op.NEQ ? not(ec, eq) : eq;
        }
        if (Kinds.isStruct(operand) && (op == Op.EQL || op == Op.NEQ)) {
            // Struct values (time.Time included) compare field by field.
            dev.goroscope.engine.lang.vm.Native n = (th, i, rr, aa, bb, xx, yy, resumed) -> {
                i[r] = java.util.Objects.equals(rr[x], rr[y]) ? 1 : 0;
                return dev.goroscope.engine.lang.vm.Native.Result.DONE;
            };
            ec.vm(dev.goroscope.engine.lang.vm.Op.NATIVE, asm.constant(n), 0, 0, 0, 0);
            return op == Op.NEQ ? not(ec, r) : r;
        }
        if (Kinds.refersToHeap(operand) || operand.underlying() instanceof
                dev.goroscope.engine.lang.types.Basic bb && bb.kind() == dev.goroscope.engine.lang.types.Basic.Kind.UNTYPED_NIL) {
            ec.vm(dev.goroscope.engine.lang.vm.Op.REQ, r, x, y);
            return op == Op.NEQ ? not(ec, r) : r;
        }
        if (Kinds.isString(operand)) {
            switch (op) {
                case EQL: ec.vm(dev.goroscope.engine.lang.vm.Op.SEQ, r, x, y); return r;
                case NEQ: ec.vm(dev.goroscope.engine.lang.vm.Op.SEQ, r, x, y); return not(ec, r);
                default:
                    if (strict) {
                        ec.vm(dev.goroscope.engine.lang.vm.Op.SLT, r, a, b);
                        return r;
                    }
                    ec.vm(dev.goroscope.engine.lang.vm.Op.SLT, r, b, a); // a <= b  is  !(b < a)
                    return not(ec, r);
            }
        }
        if (Kinds.isFloat(operand)) {
            switch (op) {
                case EQL: ec.vm(dev.goroscope.engine.lang.vm.Op.FEQ, r, x, y); return r;
                case NEQ: ec.vm(dev.goroscope.engine.lang.vm.Op.FEQ, r, x, y); return not(ec, r);
                default:
                    ec.vm(strict ? dev.goroscope.engine.lang.vm.Op.FLT : dev.goroscope.engine.lang.vm.Op.FLE, r, a, b);
                    return r;
            }
        }
        boolean u = Kinds.isUnsigned(operand);
        switch (op) {
            case EQL: ec.vm(dev.goroscope.engine.lang.vm.Op.EQ, r, x, y); return r;
            case NEQ: ec.vm(dev.goroscope.engine.lang.vm.Op.NE, r, x, y); return r;
            default:
                int cmp = strict ? (u ? dev.goroscope.engine.lang.vm.Op.LTU : dev.goroscope.engine.lang.vm.Op.LT)
                                 : (u ? dev.goroscope.engine.lang.vm.Op.LEU : dev.goroscope.engine.lang.vm.Op.LE);
                ec.vm(cmp, r, a, b);
                return r;
        }
    }

    private static int not(ExprCompiler ec, int r) {
        ec.vm(dev.goroscope.engine.lang.vm.Op.NOT, r, r);
        return r;
    }
}
