package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.types.Obj;
import java.util.Map;

/**
 * A supported standard (or Goroscope) package: its import path, its name, and the members a
 * program may use. Members are {@code Func}s (no declaration; {@code isStd()}),
 * {@code TypeName}s of {@code Named} types with library methods, {@code Const}s and {@code Var}s,
 * all with {@code pkg()} equal to {@code name}.
 */
public record StdPackage(String path, String name, Map<String, Obj> members) {
    public StdPackage {
        members = Map.copyOf(members);
    }
}
