package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Op;
import java.util.List;

/**
 * The library's package-level error variables ({@code context.Canceled},
 * {@code strconv.ErrSyntax}, ...). Each is one value for the whole run, so {@code errors.Is}
 * and {@code ==} find it by identity, as they find Go's. Go allocates them while the packages
 * initialise, before {@code main}; here they are outside the simulated heap.
 */
final class LibraryVars {
    private LibraryVars() {}

    /** An error value whose Error method returns {@code message}; {@code type} is its dynamic type. */
    static Values.Iface error(String type, String message) {
        RType rt = type.equals("errors.errorString")
                ? new RType.Ptr(new RType.StructT(List.of(), type), null)
                : new RType.StructT(List.of(), type);
        return new Values.Iface(rt, new ErrorOps.GoError(message, null, 0));
    }

    /** The library variable {@code sel} names ({@code pkg.Name}), or null. */
    static Values.Iface of(FuncCompiler fc, Expr.Selector sel) {
        Selection s = fc.info.selectionOf(sel);
        if (s == null || s.kind() != Selection.Kind.PACKAGE_MEMBER || !(s.obj() instanceof Var v)) {
            return null;
        }
        return switch (v.pkg() + "." + v.name()) {
            case "context.Canceled" -> ContextOps.CANCELED;
            case "context.DeadlineExceeded" -> ContextOps.DEADLINE_EXCEEDED;
            case "strconv.ErrSyntax" -> StrconvOps.ERR_SYNTAX;
            case "strconv.ErrRange" -> StrconvOps.ERR_RANGE;
            default -> null;
        };
    }

    /** Loads the variable into a fresh register. */
    static int load(FuncCompiler fc, Values.Iface v) {
        int r = fc.asm.newRef();
        fc.exprs.vm(Op.LDR, r, fc.asm.constant(v));
        return r;
    }
}
