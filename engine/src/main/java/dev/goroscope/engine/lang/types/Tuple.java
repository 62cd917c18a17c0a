package dev.goroscope.engine.lang.types;

import java.util.List;

/**
 * An ordered list of variables: a signature's parameters or results, and the type of a call
 * returning several values. Identity compares the types only, not the names.
 */
public record Tuple(List<Var> vars) implements Type {

    public static final Tuple EMPTY = new Tuple(List.of());

    public Tuple {
        vars = List.copyOf(vars);
    }

    public int size() {
        return vars.size();
    }

    public Type type(int i) {
        return vars.get(i).type();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tuple)) {
            return false;
        }
        Tuple t = (Tuple) o;
        if (t.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!type(i).equals(t.type(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 7;
        for (Var v : vars) {
            h = h * 31 + v.type().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
