package courtyard.infra.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (optionally sparse) MongoDB index kept in an MVMap of the same store as the documents,
 * so it is committed with them after every write and survives a restart without a rebuild.
 *
 * <p>Entry key: the encoded key components ({@link KeyCodec}) followed by the encoded document id, which
 * makes every entry unique and keeps equal keys in id order; entry value: the document's position in the
 * collection's data map. A document with an array under a key path has one entry per element (multikey);
 * which key paths have ever held an array is remembered under the reserved key {0x00}, because a multikey
 * path cannot bound both ends of a range nor give a sort order (as in MongoDB).
 *
 * <p>mongo-java-server 1.47 keeps {@code EmptyIndex} for these (declared, never maintained nor used); the
 * query side lives in {@link IndexedH2Collection}.
 */
public final class SecondaryIndex extends Index<Object> {

    private static final byte[] MULTIKEY_KEY = {0x00};

    private final MVMap<byte[], Object> map;
    private final List<String> paths;
    private final boolean[] ascending;
    private int multikeyMask;

    SecondaryIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = store.openMap(mapName, new MVMap.Builder<byte[], Object>().keyType(UnsignedBytes.INSTANCE));
        this.paths = keys.stream().map(IndexKey::getKey).toList();
        this.ascending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        Object mask = map.get(MULTIKEY_KEY);
        this.multikeyMask = mask instanceof Integer m ? m : 0;
    }

    List<String> paths() {
        return paths;
    }

    boolean ascending(int component) {
        return ascending[component];
    }

    boolean isMultikey(int component) {
        return (multikeyMask & (1 << component)) != 0;
    }

    boolean isAnyMultikey() {
        return multikeyMask != 0;
    }

    boolean sparse() {
        return isSparse();
    }

    MVMap<byte[], Object> map() {
        return map;
    }

    /** Every index key of a document: the cartesian product of each path's values (arrays expanded). */
    private List<byte[]> entryKeys(Document document, boolean recordMultikey) {
        List<List<Object>> perPath = new ArrayList<>(paths.size());
        boolean anyPresent = false;
        for (int i = 0; i < paths.size(); i++) {
            List<Object> values = new ArrayList<>();
            boolean array = PathValues.collect(document, paths.get(i), values);
            if (array && recordMultikey && !isMultikey(i)) {
                multikeyMask |= 1 << i;
                map.put(MULTIKEY_KEY, multikeyMask);
            }
            if (!(values.size() == 1 && values.get(0) instanceof Missing)) {
                anyPresent = true;
            }
            perPath.add(values);
        }
        if (isSparse() && !anyPresent) {
            return List.of();
        }
        Object id = document.get("_id");
        List<byte[]> keys = new ArrayList<>();
        expand(perPath, 0, new ByteArrayOutputStream(64), id, keys);
        return keys;
    }

    private void expand(List<List<Object>> perPath, int i, ByteArrayOutputStream prefix, Object id, List<byte[]> out) {
        if (i == perPath.size()) {
            ByteArrayOutputStream key = new ByteArrayOutputStream(prefix.size() + 16);
            key.writeBytes(prefix.toByteArray());
            KeyCodec.write(key, id, true);
            out.add(key.toByteArray());
            return;
        }
        Set<Object> distinct = new LinkedHashSet<>(perPath.get(i));
        for (Object value : distinct) {
            ByteArrayOutputStream next = new ByteArrayOutputStream(prefix.size() + 16);
            next.writeBytes(prefix.toByteArray());
            KeyCodec.write(next, value, ascending[i]);
            expand(perPath, i + 1, next, id, out);
        }
    }

    @Override
    public Object getPosition(Document document) {
        // The collection asks every index for a document's position and uses the unique ones' answers.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Non-unique: nothing can conflict.
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Object stored = Missing.ofNullable(position);
        for (byte[] key : entryKeys(document, true)) {
            map.put(key, stored);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = null;
        for (byte[] key : entryKeys(document, false)) {
            Object removed = map.remove(key);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        List<byte[]> before = entryKeys(oldDocument, false);
        List<byte[]> after = entryKeys(newDocument, true);
        if (sameKeys(before, after)) {
            return;
        }
        for (byte[] key : before) {
            map.remove(key);
        }
        Object stored = Missing.ofNullable(position);
        for (byte[] key : after) {
            map.put(key, stored);
        }
    }

    private static boolean sameKeys(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean canHandle(Document query) {
        // The collection plans with these itself (IndexPlan); the upstream "keys equal the query" path is unique-only.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedH2Collection");
    }

    @Override
    public long getCount() {
        return map.sizeAsLong() - (map.containsKey(MULTIKEY_KEY) ? 1 : 0);
    }

    @Override
    public boolean isEmpty() {
        return getCount() == 0;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // H2Database.dropIndex removes the map itself (same name scheme as its unique indexes).
    }

    /** Entries in [from, to], both of which are bound keys that never equal a stored key. */
    Cursor<byte[], Object> cursor(byte[] from, byte[] to, boolean reverse) {
        return reverse ? map.cursor(to, from, true) : map.cursor(from, to, false);
    }

    /** Number of entries strictly between two bound keys, in O(log n). */
    long countBetween(byte[] from, byte[] to) {
        return insertionPoint(to) - insertionPoint(from);
    }

    private long insertionPoint(byte[] bound) {
        long index = map.getKeyIndex(bound);
        return index < 0 ? -(index + 1) : index;
    }

    /** Unsigned lexicographic order of byte arrays, the order KeyCodec's encoding is built for. */
    static final class UnsignedBytes extends BasicDataType<byte[]> {
        static final UnsignedBytes INSTANCE = new UnsignedBytes();

        @Override
        public int getMemory(byte[] obj) {
            return 24 + obj.length;
        }

        @Override
        public void write(WriteBuffer buff, byte[] obj) {
            buff.putVarInt(obj.length);
            buff.put(obj);
        }

        @Override
        public byte[] read(ByteBuffer buff) {
            int length = org.h2.mvstore.DataUtils.readVarInt(buff);
            byte[] data = new byte[length];
            buff.get(data);
            return data;
        }

        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }

    /** Values of a dotted path, MongoDB style: arrays are expanded and a numeric fragment indexes an array. */
    static final class PathValues {
        private PathValues() {
        }

        /** Adds the path's values to `out` (Missing when absent); returns whether an array was expanded. */
        static boolean collect(Object root, String path, List<Object> out) {
            String[] fragments = path.split("\\.");
            return walk(root, fragments, 0, out);
        }

        private static boolean walk(Object current, String[] fragments, int i, List<Object> out) {
            if (i == fragments.length) {
                if (current instanceof Collection<?> values) {
                    if (values.isEmpty()) {
                        out.add(KeyCodec.EMPTY_ARRAY_VALUE);
                    } else {
                        for (Object value : values) {
                            out.add(value == null ? null : normalize(value));
                        }
                    }
                    return true;
                }
                out.add(current instanceof Missing ? current : normalize(current));
                return false;
            }
            String fragment = fragments[i];
            if (current instanceof Map<?, ?> map) {
                Object next = map.containsKey(fragment) ? map.get(fragment) : Missing.getInstance();
                return walk(next, fragments, i + 1, out);
            }
            if (current instanceof List<?> list) {
                if (isIndex(fragment)) {
                    int position = Integer.parseInt(fragment);
                    Object next = position < list.size() ? list.get(position) : Missing.getInstance();
                    return walk(next, fragments, i + 1, out);
                }
                int before = out.size();
                for (Object element : list) {
                    if (element instanceof Map<?, ?>) {
                        walk(element, fragments, i, out);
                    }
                }
                if (out.size() == before) {
                    out.add(Missing.getInstance());
                }
                return true;
            }
            out.add(Missing.getInstance());
            return false;
        }

        private static boolean isIndex(String fragment) {
            return !fragment.isEmpty() && fragment.chars().allMatch(Character::isDigit);
        }

        private static Object normalize(Object value) {
            return value;
        }
    }
}
