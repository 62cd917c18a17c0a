/**
 * Go's types and objects, shaped for a compiler: {@link dev.goroscope.engine.lang.types.Type}
 * (sealed: {@code Basic}, {@code Named}, {@code Pointer}, {@code Slice}, {@code Array},
 * {@code MapType}, {@code Chan}, {@code Struct}, {@code Signature}, {@code Interface},
 * {@code Tuple}) whose {@code equals} is the spec's type identity, the objects identifiers
 * denote ({@link dev.goroscope.engine.lang.types.Obj}: {@code Var}, {@code Const},
 * {@code TypeName}, {@code Func}, {@code Builtin}, {@code PkgName}, {@code Nil}), exact
 * {@link dev.goroscope.engine.lang.types.Constant}s, and the relations a back end needs:
 * {@link dev.goroscope.engine.lang.types.Types} (identity, assignability, conversions),
 * {@link dev.goroscope.engine.lang.types.Lookup} (fields and methods through embedding,
 * method sets, interface satisfaction), {@link dev.goroscope.engine.lang.types.Sizes}
 * (linux/amd64 layout and GC pointer maps) and {@link dev.goroscope.engine.lang.types.TypeStrings}
 * (gc's and the runtime's spellings).
 *
 * <p>Library members ({@code fmt.Println}, {@code sync.Mutex}, {@code time.Second}) are ordinary
 * objects whose {@code pkg()} is the library package; see {@code lang.check.Stdlib}.
 */
package dev.goroscope.engine.lang.types;
