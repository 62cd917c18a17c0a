package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Directive;
import dev.goroscope.engine.lang.ast.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * A function or method: declared in the program ({@link #decl()} non-null), a library function
 * or method ({@link #isStd()}), or an interface method (no declaration, {@link #isInterfaceMethod()}).
 */
public final class Func implements Obj {

    private final String name;
    private final Pos pos;
    private final String pkg;
    private final Decl.FuncDecl decl;
    private final boolean interfaceMethod;
    private Signature sig;

    public Func(String name, Signature sig, Pos pos, String pkg, Decl.FuncDecl decl, boolean interfaceMethod) {
        this.name = name;
        this.sig = sig;
        this.pos = pos;
        this.pkg = pkg;
        this.decl = decl;
        this.interfaceMethod = interfaceMethod;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Signature type() {
        return sig == null ? Signature.EMPTY : sig;
    }

    public void setSignature(Signature s) {
        this.sig = s;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public String pkg() {
        return pkg;
    }

    /** The declaration; null for library and interface methods. */
    public Decl.FuncDecl decl() {
        return decl;
    }

    public boolean isMethod() {
        return type().recv() != null;
    }

    public boolean isInterfaceMethod() {
        return interfaceMethod;
    }

    /** A member of a supported standard package (no Go body: the runtime implements it). */
    public boolean isStd() {
        return pkg != null && !pkg.equals("main") && !interfaceMethod;
    }

    /** Whether a method's receiver is a pointer ({@code func (t *T) m()}). */
    public boolean hasPointerReceiver() {
        Var r = type().recv();
        return r != null && r.type() instanceof Pointer;
    }

    /** The {@code //go:} directive names above the declaration, e.g. {@code go:noinline}. */
    public List<String> directives() {
        List<String> out = new ArrayList<>();
        if (decl != null) {
            for (Directive d : decl.directives()) {
                out.add(d.name());
            }
        }
        return out;
    }

    public boolean noinline() {
        return directives().contains("go:noinline");
    }

    /**
     * The symbol name as gc prints it in tracebacks: {@code main.f}, {@code main.T.m},
     * {@code main.(*T).m}, {@code time.Duration.String}, {@code fmt.Println}.
     */
    public String fullName() {
        Var r = type().recv();
        if (r == null) {
            return pkg + "." + name;
        }
        Type t = r.type();
        if (t instanceof Pointer) {
            Type e = ((Pointer) t).elem();
            return pkg + ".(*" + (e instanceof Named ? ((Named) e).name() : e.toString()) + ")." + name;
        }
        return pkg + "." + (t instanceof Named ? ((Named) t).name() : t.toString()) + "." + name;
    }

    @Override
    public String toString() {
        return "func " + fullName();
    }
}
