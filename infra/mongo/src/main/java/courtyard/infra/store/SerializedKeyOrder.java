package courtyard.infra.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of upstream's unique indexes, with the same bytes on disk and the same order, computed
 * without serializing both keys on every comparison.
 *
 * <p>Upstream opens each unique index as an MVMap with H2's default {@link ObjectDataType}. Its keys are
 * {@link KeyValue}s, which are not {@code Comparable}, so H2 orders them by their Java-serialized bytes
 * and serializes <em>both</em> keys at every step of every binary search: profiled under a burst of
 * consumer inserts, that was 63% of the server's CPU (each insert looks its _id up, then puts it).
 * The order must stay exactly that one, or the B-trees already in a file would no longer be searchable;
 * so this type compares the same bytes, but keeps each key object's bytes once computed. Keys are
 * immutable and found by identity, so a kept form can never belong to another key.
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** Enough for the upper levels of every index and the leaves in use; about 100 bytes per key. */
    private static final int KEPT_KEYS = 50_000;

    /** Identity, not equals: two equal KeyValues (a Document key in another field order) may serialize apart. */
    private record Identity(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private final Map<Identity, byte[]> serialized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, byte[]> eldest) {
            return size() > KEPT_KEYS;
        }
    };

    @Override
    public int compare(Object a, Object b) {
        // H2's order for two non-Comparable objects of the serialized type: their serialized bytes.
        if (a != b && a instanceof KeyValue && b instanceof KeyValue) {
            return compareNotNull(bytesOf(a), bytesOf(b));
        }
        return super.compare(a, b);
    }

    /** Synchronized: writers of the collection and the compaction thread search the same map. */
    private synchronized byte[] bytesOf(Object key) {
        return serialized.computeIfAbsent(new Identity(key), identity -> serialize(identity.key()));
    }
}
