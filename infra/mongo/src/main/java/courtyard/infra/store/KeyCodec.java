package courtyard.infra.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Encodes index key values as bytes whose unsigned lexicographic order is MongoDB's order for the
 * types the services index (null, numbers, strings, ObjectIds, booleans, dates), so an MVMap of these
 * keys is a B-tree range-scannable like a MongoDB index.
 *
 * <p>Each value is a type tag (in MongoDB's canonical type order) followed by a prefix-free body:
 * numbers as 8-byte order-preserving doubles, strings as UTF-8 with 0x00 escaped and a 0x00 0x00
 * terminator, dates as 8-byte order-preserving epoch millis. A descending key component is the bitwise
 * complement of its ascending bytes, which reverses the order and stays prefix-free. No tag (nor a
 * complemented tag) is 0x00 or 0xFF, so "value + 0xFF" sorts after every key carrying that value and
 * before every key with a larger one: that is how range bounds are built without decoding keys.
 *
 * <p>Values of other types (embedded documents, binary, regular expressions...) get a tag and a
 * string body: prefix-free and consistent, but not MongoDB's order, and never {@link #isExact exact},
 * so a query on them is still answered by the matcher.
 */
public final class KeyCodec {

    static final byte NULL = 0x10;
    static final byte EMPTY_ARRAY = 0x18;
    static final byte NUMBER = 0x20;
    static final byte STRING = 0x30;
    static final byte OBJECT = 0x40;
    static final byte OBJECT_ID = 0x70;
    static final byte BOOLEAN = (byte) 0x80;
    static final byte DATE = (byte) 0x90;
    static final byte OTHER = (byte) 0xA0;

    /** Marks the empty array, which MongoDB indexes as undefined: matched by no equality on a scalar. */
    public static final Object EMPTY_ARRAY_VALUE = new Object() {
        @Override
        public String toString() {
            return "[]";
        }
    };

    private KeyCodec() {
    }

    /** The type tag a value is stored under (MongoDB's type bracketing for range queries). */
    public static byte tagOf(Object value) {
        if (value == null || value instanceof Missing) {
            return NULL;
        }
        if (value == EMPTY_ARRAY_VALUE) {
            return EMPTY_ARRAY;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof ObjectId) {
            return OBJECT_ID;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Instant || value instanceof Date) {
            return DATE;
        }
        if (value instanceof Map || value instanceof Collection) {
            return OBJECT;
        }
        return OTHER;
    }

    /**
     * True when equal keys mean equal values and key order is MongoDB's order, so index bounds on this
     * value select exactly what the matcher would (numbers must survive the trip through a double).
     */
    public static boolean isExact(Object value) {
        byte tag = tagOf(value);
        if (tag == NUMBER) {
            if (value instanceof Decimal128) {
                return false;
            }
            if (value instanceof Long l) {
                return Math.abs(l) <= (1L << 53);
            }
            double d = ((Number) value).doubleValue();
            return !Double.isNaN(d);
        }
        return tag == NULL || tag == STRING || tag == OBJECT_ID || tag == BOOLEAN || tag == DATE;
    }

    /** Appends one key component, complemented when the index key is descending. */
    public static void write(ByteArrayOutputStream out, Object value, boolean ascending) {
        byte[] bytes = encode(value);
        if (!ascending) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
        }
        out.writeBytes(bytes);
    }

    /** The first byte every value of `value`'s type starts with, in the given direction. */
    public static byte tagByte(Object value, boolean ascending) {
        byte tag = tagOf(value);
        return ascending ? tag : (byte) ~tag;
    }

    static byte[] encode(Object value) {
        byte tag = tagOf(value);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.write(tag);
        switch (tag) {
            case NULL, EMPTY_ARRAY -> {
            }
            case NUMBER -> writeSortableLong(out, sortableDouble(((Number) value).doubleValue()));
            case STRING -> writeString(out, (String) value);
            case OBJECT_ID -> out.writeBytes(((ObjectId) value).toByteArray());
            case BOOLEAN -> out.write(((Boolean) value) ? 1 : 0);
            case DATE -> {
                long millis = value instanceof Instant i ? i.toEpochMilli() : ((Date) value).getTime();
                writeSortableLong(out, millis ^ Long.MIN_VALUE);
            }
            default -> writeString(out, value.getClass().getSimpleName() + ":" + value);
        }
        return out.toByteArray();
    }

    private static long sortableDouble(double d) {
        if (d == 0.0) {
            d = 0.0; // -0.0 equals 0.0 in MongoDB
        }
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static void writeSortableLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }
}
