package courtyard.infra.store;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import io.netty.channel.Channel;

/**
 * H2Database whose collections plan queries with indexes ({@link IndexedH2Collection}), whose
 * non-unique indexes are maintained ({@link SecondaryIndex}, instead of upstream's EmptyIndex), and whose
 * aggregations starting with $match read only what the match selects, as a stream: the driver's
 * countDocuments ({$match, $group: {_id: 1, n: {$sum: 1}}}) is answered by a count that reads no
 * document when an index covers the filter. Upstream materialises the whole collection for every
 * aggregation, which ran a 128 MB heap out of memory at about 20,000–30,000 help requests.
 */
public final class IndexedH2Database extends H2Database {

    private static final Field STORE = storeField();

    public IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    /** The superclass keeps its store private and opens collections from its constructor, before ours runs. */
    private static Field storeField() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("mongo-java-server's H2Database changed: no mvStore field", e);
        }
    }

    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store().openMap("databases." + fullName);
        MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /**
     * The map an index of a collection lives in: H2Database's name scheme for its unique indexes, used for
     * ours too, so its dropIndex and drop remove either kind.
     */
    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new SecondaryIndex(store(), indexMapName(collectionName, indexName), indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // Opened first with our key type; upstream's openMap(name) then returns this same open map.
        store().openMap(indexMapName(collectionName, indexName),
            new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate")) {
            Document answer = aggregateFromMatch(channel, command, query, databaseResolver, oplog);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    /** Null when the pipeline does not start with $match on one of our collections (upstream handles it). */
    private Document aggregateFromMatch(Channel channel, String command, Document query,
                                        DatabaseResolver databaseResolver, Oplog oplog) {
        if (!(query.get(command) instanceof String collectionName) || !(query.get("pipeline") instanceof List<?> raw)
            || raw.isEmpty() || !(raw.get(0) instanceof Document first) || first.size() != 1
            || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(raw);
        if (pipeline.stream().anyMatch(stage -> stage.containsKey("$changeStream") || stage.containsKey("$out")
            || stage.containsKey("$merge"))) {
            return null;
        }
        if (!(resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
            return null;
        }
        clearLastStatus(channel);
        String namespace = getFullCollectionNamespace(collectionName);
        List<Document> rest = pipeline.subList(1, pipeline.size());
        Object countId = countGroupId(rest);
        if (countId != NOT_A_COUNT) {
            long n = collection.countMatching(match);
            List<Document> rows = n == 0 ? List.of()
                : List.of(new Document("_id", countId).append("n", n <= Integer.MAX_VALUE ? (Object) (int) n : n));
            return cursorResponse(namespace, rows);
        }
        // $match, $sort, $limit first (a page, then what it joins): the page is read as a find reads
        // it, in the index's order and only as far as the limit, not sorted from every match.
        Document orderBy = rest.size() >= 2 && rest.get(0).size() == 1 && rest.get(1).size() == 1
            && rest.get(0).get("$sort") instanceof Document sort ? sort : null;
        int limit = orderBy != null && rest.get(1).get("$limit") instanceof Number n && n.longValue() > 0
            && n.longValue() <= Integer.MAX_VALUE && n.doubleValue() == n.longValue() ? n.intValue() : 0;
        List<Document> stages = limit > 0 ? rest.subList(2, rest.size()) : rest;
        Aggregation aggregation = Aggregation.fromPipeline(stages, databaseResolver, this, collection, oplog);
        aggregation.validate(query);
        List<Document> result;
        synchronized (collection) {
            Stream<Document> matched = limit > 0
                ? collection.firstMatching(match, orderBy, limit).stream()
                : collection.streamMatching(match);
            result = aggregation.runStagesAsStream(matched).collect(Collectors.toList());
        }
        return cursorResponse(namespace, result);
    }

    private static final Object NOT_A_COUNT = new Object();

    /** The _id of a lone {$group: {_id: constant, n: {$sum: 1}}} (what countDocuments sends), else NOT_A_COUNT. */
    private static Object countGroupId(List<Document> rest) {
        if (rest.size() != 1 || !(rest.get(0).get("$group") instanceof Document group) || rest.get(0).size() != 1
            || group.size() != 2 || !group.containsKey("_id") || !(group.get("n") instanceof Document sum)
            || sum.size() != 1 || !(sum.get("$sum") instanceof Number one) || one.intValue() != 1
            || one.doubleValue() != 1.0) {
            return NOT_A_COUNT;
        }
        Object id = group.get("_id");
        if (id instanceof String s && s.startsWith("$")) {
            return NOT_A_COUNT;
        }
        if (id instanceof Document || id instanceof List) {
            return NOT_A_COUNT;
        }
        return id;
    }

    private static Document cursorResponse(String namespace, List<Document> batch) {
        Document cursor = new Document();
        cursor.put("id", 0L);
        cursor.put("ns", namespace);
        cursor.put("firstBatch", batch);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return response;
    }
}
