package dev.goroscope.engine.lang.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Memory layout on linux/amd64, as gc lays values out: word 8, {@code int} 8, pointers, maps,
 * channels and funcs one word, strings two words (pointer, length), slices three (pointer,
 * length, capacity), interfaces two (type or itab word, data word). Structs place each field at
 * the next multiple of its alignment and round their size up to their largest alignment; a
 * struct ending in a zero-size field gets one byte of padding (so that a pointer to that field
 * cannot point past the object), as gc does.
 *
 * <p>Sizes saturate at {@link Long#MAX_VALUE} instead of overflowing.
 */
public final class Sizes {

    public static final long WORD = 8;

    private Sizes() {
    }

    public static long sizeof(Type t) {
        Type u = t.underlying();
        if (u instanceof Basic) {
            return basicSize((Basic) u);
        }
        if (u instanceof Pointer || u instanceof MapType || u instanceof Chan || u instanceof Signature) {
            return WORD;
        }
        if (u instanceof Slice) {
            return 3 * WORD;
        }
        if (u instanceof Interface) {
            return 2 * WORD;
        }
        if (u instanceof Array) {
            Array a = (Array) u;
            return mul(a.len(), sizeof(a.elem()));
        }
        if (u instanceof Struct) {
            List<Var> fs = ((Struct) u).fields();
            if (fs.isEmpty()) {
                return 0;
            }
            long[] offs = offsetsof((Struct) u);
            long lastSize = sizeof(fs.get(fs.size() - 1).type());
            long end = add(offs[offs.length - 1], lastSize);
            if (lastSize == 0 && end > 0) {
                end = add(end, 1);
            }
            return align(end, alignof(u));
        }
        return WORD;
    }

    public static long alignof(Type t) {
        Type u = t.underlying();
        if (u instanceof Basic) {
            long s = basicSize((Basic) u);
            return s == 2 * WORD ? WORD : Math.max(1, s);
        }
        if (u instanceof Array) {
            return alignof(((Array) u).elem());
        }
        if (u instanceof Struct) {
            long a = 1;
            for (Var f : ((Struct) u).fields()) {
                a = Math.max(a, alignof(f.type()));
            }
            return a;
        }
        return WORD;
    }

    /** Byte offsets of a struct's fields. */
    public static long[] offsetsof(Struct s) {
        List<Var> fs = s.fields();
        long[] out = new long[fs.size()];
        long off = 0;
        for (int i = 0; i < fs.size(); i++) {
            Type ft = fs.get(i).type();
            off = align(off, alignof(ft));
            out[i] = off;
            off = add(off, sizeof(ft));
        }
        return out;
    }

    private static long basicSize(Basic b) {
        switch (b.kind()) {
            case BOOL: case INT8: case UINT8: case UNTYPED_BOOL: return 1;
            case INT16: case UINT16: return 2;
            case INT32: case UINT32: case FLOAT32: case UNTYPED_RUNE: return 4;
            case STRING: case UNTYPED_STRING: return 2 * WORD;
            default: return WORD;
        }
    }

    /** Whether a value of t contains any pointer the garbage collector must trace. */
    public static boolean hasPointers(Type t) {
        return hasPointers(t, 0);
    }

    private static boolean hasPointers(Type t, int depth) {
        Type u = t.underlying();
        if (depth > 200) {
            return false;
        }
        if (u instanceof Basic) {
            return ((Basic) u).isString();
        }
        if (u instanceof Array) {
            return ((Array) u).len() > 0 && hasPointers(((Array) u).elem(), depth + 1);
        }
        if (u instanceof Struct) {
            for (Var f : ((Struct) u).fields()) {
                if (hasPointers(f.type(), depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /**
     * Calls {@code out} with the byte offset (from {@code base}) of every pointer word in a value
     * of t, in increasing order: the GC pointer map of the value.
     */
    public static void forEachPointer(Type t, long base, LongConsumer out) {
        Type u = t.underlying();
        if (u instanceof Basic) {
            if (((Basic) u).isString()) {
                out.accept(base);
            }
        } else if (u instanceof Interface) {
            out.accept(base);
            out.accept(base + WORD);
        } else if (u instanceof Array) {
            Array a = (Array) u;
            if (hasPointers(a.elem())) {
                long es = sizeof(a.elem());
                for (long i = 0; i < a.len(); i++) {
                    forEachPointer(a.elem(), base + i * es, out);
                }
            }
        } else if (u instanceof Struct) {
            Struct s = (Struct) u;
            long[] offs = offsetsof(s);
            for (int i = 0; i < offs.length; i++) {
                forEachPointer(s.fields().get(i).type(), base + offs[i], out);
            }
        } else {
            out.accept(base); // pointer, slice array pointer, map, chan, func
        }
    }

    /** The pointer offsets of a value of t (see {@link #forEachPointer}); mind huge arrays. */
    public static List<Long> pointerOffsets(Type t) {
        List<Long> out = new ArrayList<>();
        forEachPointer(t, 0, out::add);
        return out;
    }

    /** The length of the prefix of a value of t that holds pointers (gc's {@code ptrdata}). */
    public static long ptrdata(Type t) {
        if (!hasPointers(t)) {
            return 0;
        }
        Type u = t.underlying();
        if (u instanceof Array) {
            Array a = (Array) u;
            return add(mul(a.len() - 1, sizeof(a.elem())), ptrdata(a.elem()));
        }
        if (u instanceof Struct) {
            Struct s = (Struct) u;
            long[] offs = offsetsof(s);
            for (int i = offs.length - 1; i >= 0; i--) {
                long p = ptrdata(s.fields().get(i).type());
                if (p > 0) {
                    return add(offs[i], p);
                }
            }
            return 0;
        }
        if (u instanceof Interface) {
            return 2 * WORD;
        }
        return WORD; // pointer-shaped, or the data pointer first in strings and slices
    }

    private static long align(long x, long a) {
        return x >= Long.MAX_VALUE - a ? Long.MAX_VALUE : (x + a - 1) / a * a;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
