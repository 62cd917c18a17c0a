package dev.goroscope.engine.lang.types;

import java.util.List;

/**
 * {@code struct{...}}. Each field is a {@link Var} of kind {@link Var.Kind#FIELD} carrying its
 * name, type, whether it is embedded, and its tag (or null). Two struct types are identical
 * when their fields agree in order, name, embedding, type and tag.
 */
public record Struct(List<Var> fields) implements Type {

    public Struct {
        fields = List.copyOf(fields);
    }

    /** The field with this name, by position among the direct fields, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Struct)) {
            return false;
        }
        List<Var> g = ((Struct) o).fields;
        if (g.size() != fields.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            Var a = fields.get(i);
            Var b = g.get(i);
            if (!a.name().equals(b.name()) || a.embedded() != b.embedded()
                    || !java.util.Objects.equals(a.tag(), b.tag()) || !a.type().equals(b.type())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 17;
        for (Var f : fields) {
            h = h * 31 + f.name().hashCode();
            h = h * 31 + f.type().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
