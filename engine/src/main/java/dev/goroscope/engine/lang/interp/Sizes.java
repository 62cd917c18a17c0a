package dev.goroscope.engine.lang.interp;

/**
 * Sizes and alignments of Go types on amd64, as far as fmt needs them: {@code %p} of a
 * slice prints the address of its first element, which is the backing array's address plus
 * {@code off * sizeof(elem)}.
 */
final class Sizes {
    private Sizes() {}

    static long firstElem(Values.SliceV s, RType elem) {
        return s.array().addr + s.off() * size(elem);
    }

    static long size(RType t) {
        if (t instanceof RType.Basic b) {
            switch (b.kind()) {
                case BOOL: case INT8: case UINT8: return 1;
                case INT16: case UINT16: return 2;
                case INT32: case UINT32: case FLOAT32: return 4;
                case STRING: return 16;
                default: return 8;
            }
        } else if (t instanceof RType.SliceT) {
            return 24;
        } else if (t instanceof RType.IfaceT) {
            return 16;
        } else if (t instanceof RType.ArrayT a) {
            return a.len() * size(a.elem());
        } else if (t instanceof RType.StructT s) {
            long off = 0;
            long maxAlign = 1;
            for (RType.Field f : s.fields()) {
                long al = align(f.type());
                maxAlign = Math.max(maxAlign, al);
                off = (off + al - 1) / al * al + size(f.type());
            }
            return (off + maxAlign - 1) / maxAlign * maxAlign;
        }
        return 8;
    }

    static long align(RType t) {
        if (t instanceof RType.ArrayT a) {
            return align(a.elem());
        } else if (t instanceof RType.StructT s) {
            long m = 1;
            for (RType.Field f : s.fields()) {
                m = Math.max(m, align(f.type()));
            }
            return m;
        } else if (t instanceof RType.Basic) {
            return Math.min(8, Math.max(1, size(t)));
        }
        return 8;
    }
}
