package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Pos;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.function.Consumer;

/** Visits every node of a tree (records' components, reflectively); test-only. */
public final class Walk {

    private Walk() {
    }

    public static void nodes(Object o, Consumer<Node> out) {
        if (o instanceof Node) {
            out.accept((Node) o);
        }
        if (o instanceof Collection) {
            for (Object x : (Collection<?>) o) {
                nodes(x, out);
            }
            return;
        }
        if (o == null || !o.getClass().isRecord() || o instanceof Pos) {
            return;
        }
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            try {
                nodes(c.getAccessor().invoke(o), out);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
