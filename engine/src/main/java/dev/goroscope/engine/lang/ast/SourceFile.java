package dev.goroscope.engine.lang.ast;

import java.util.List;

/** A parsed {@code .go} file: its package clause, imports (flattened) and declarations. */
public record SourceFile(Pos pos, String fileName, Expr.Ident packageName, List<Spec.ImportSpec> imports,
                         List<Decl> decls) implements Node {
    public SourceFile {
        imports = List.copyOf(imports);
        decls = List.copyOf(decls);
    }
}
