package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.types.Obj;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block's names (spec, "Blocks", "Declarations and scope"): the universe, the package, the
 * file (imports), then one scope per function, block, and implicit block ({@code if},
 * {@code for}, {@code switch}, each case clause). {@code node} is the syntax that opened it
 * (null for the universe, package and file scopes).
 */
public final class Scope {

    private final Scope parent;
    private final Node node;
    private final Map<String, Obj> names = new LinkedHashMap<>();
    private final List<Scope> children = new ArrayList<>();

    Scope(Scope parent, Node node) {
        this.parent = parent;
        this.node = node;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public Scope parent() {
        return parent;
    }

    public Node node() {
        return node;
    }

    public List<Scope> children() {
        return Collections.unmodifiableList(children);
    }

    /** The objects declared directly in this scope, in declaration order. */
    public Map<String, Obj> names() {
        return Collections.unmodifiableMap(names);
    }

    /** The object declared here with this name, or null. */
    public Obj lookupLocal(String name) {
        return names.get(name);
    }

    /** The innermost object with this name visible here, or null. */
    public Obj lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Obj o = s.names.get(name);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Declares obj; returns the object already declared with its name here, or null. */
    Obj insert(Obj obj) {
        if (obj.name().equals("_")) {
            return null;
        }
        Obj old = names.get(obj.name());
        if (old != null) {
            return old;
        }
        names.put(obj.name(), obj);
        return null;
    }
}
