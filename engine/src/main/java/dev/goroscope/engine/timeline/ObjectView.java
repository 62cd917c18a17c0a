package dev.goroscope.engine.timeline;

import java.util.Arrays;

/**
 * A heap object as a view draws it.
 *
 * @param elemSize bytes of its size-class slot (what HeapAlloc counts)
 * @param fields   its pointer fields (0 is nil)
 * @param runtime  the runtime or a library allocated it for its own use (a G struct, fmt's printer,
 *                 a pool's array, a timer), not the program's code: views may leave these out
 */
public record ObjectView(long addr, long size, long elemSize, int sizeClass, String typeName, Colour colour,
                         long[] fields, boolean runtime) {
    public ObjectView {
        fields = fields.clone();
    }

    /** An object the program's own code allocated. */
    public ObjectView(long addr, long size, long elemSize, int sizeClass, String typeName, Colour colour,
                      long[] fields) {
        this(addr, size, elemSize, sizeClass, typeName, colour, fields, false);
    }

    /** A copy: the snapshot stays immutable. */
    @Override
    public long[] fields() {
        return fields.clone();
    }

    public int fieldCount() {
        return fields.length;
    }

    public long field(int i) {
        return fields[i];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ObjectView)) {
            return false;
        }
        ObjectView v = (ObjectView) o;
        return addr == v.addr && size == v.size && elemSize == v.elemSize && sizeClass == v.sizeClass
                && typeName.equals(v.typeName) && colour == v.colour && runtime == v.runtime
                && Arrays.equals(fields, v.fields);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(addr) * 31 + colour.hashCode()) * 31 + Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return typeName + "@0x" + Long.toHexString(addr) + " " + colour + (runtime ? " runtime" : "") + " "
                + Arrays.toString(fields);
    }
}
