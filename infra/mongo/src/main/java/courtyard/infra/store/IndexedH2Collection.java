package courtyard.infra.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 collection with a query planner in front of the upstream scan. Every read, update, delete and
 * count of mongo-java-server enters through {@link #queryDocuments}; it picks, in this order:
 * <ol>
 * <li>a unique index whose every key the filter pins to one value (or an $in on a single-key one),
 *     e.g. {@code {_id, version}} uses {@code _id_} (upstream uses it only when the keys are exactly equal);</li>
 * <li>the best {@link SecondaryIndex} for the filter and sort ({@link IndexPlan});</li>
 * <li>otherwise the upstream collection scan.</li>
 * </ol>
 * The full filter is applied to whatever an index returns (unless the plan proves the index bounds are
 * the filter), and the final sort, skip, limit and projection are upstream's, so an index can change
 * only how many documents are read, never the answer.
 */
public final class IndexedH2Collection extends H2Collection {

    private final MVMap<Object, Document> data;

    public IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                               CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.data = dataMap;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Document filter = query == null ? new Document() : query;
        List<Object> unique = uniquePositions(filter);
        if (unique != null) {
            Stream<Document> documents = unique.stream().map(data::get).filter(Objects::nonNull);
            return matchDocumentsFromStream(documents, filter, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexPlan plan = IndexPlan.choose(secondaryIndexes(), QueryShape.of(filter), orderBy,
            limit > 0 ? numberToSkip + limit : 0, false);
        if (plan == null) {
            return super.queryDocuments(filter, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // With the sort given by the index, each range needs only its first skip + limit matches.
        int perRange = plan.sortFollows() && limit > 0 ? numberToSkip + limit : 0;
        List<Document> candidates = new ArrayList<>();
        for (IndexPlan.Range range : plan.ranges()) {
            Iterator<Document> documents = documentsIn(plan, range, filter);
            int taken = 0;
            while (documents.hasNext() && (perRange == 0 || taken < perRange)) {
                candidates.add(documents.next());
                taken++;
            }
        }
        return matchDocumentsFromStream(candidates.stream(), filter, orderBy, numberToSkip, limit, batchSize,
            fieldSelector);
    }

    /** Number of documents matching `filter`, without materialising them; an exact index plan reads no document. */
    public synchronized long countMatching(Document filter) {
        Document query = filter == null ? new Document() : filter;
        if (query.isEmpty()) {
            return count();
        }
        List<Object> unique = uniquePositions(query);
        if (unique != null) {
            return unique.stream().map(data::get).filter(Objects::nonNull)
                .filter(document -> documentMatchesQuery(document, query)).count();
        }
        IndexPlan plan = IndexPlan.choose(secondaryIndexes(), QueryShape.of(query), null, 0, true);
        if (plan == null) {
            return data.values().stream().filter(document -> documentMatchesQuery(document, query)).count();
        }
        if (plan.exact() && !plan.index().isAnyMultikey()) {
            long total = 0;
            for (IndexPlan.Range range : plan.ranges()) {
                total += plan.index().countBetween(range.from(), range.to());
            }
            return total;
        }
        long total = 0;
        for (IndexPlan.Range range : plan.ranges()) {
            Iterator<Document> documents = documentsIn(plan, range, query);
            while (documents.hasNext()) {
                documents.next();
                total++;
            }
        }
        return total;
    }

    /**
     * The documents matching `filter`, lazily, for an aggregation's first $match. Runs under the
     * collection's lock; the caller consumes the stream before releasing it.
     */
    Stream<Document> streamMatching(Document filter) {
        Document query = filter == null ? new Document() : filter;
        List<Object> unique = uniquePositions(query);
        if (unique != null) {
            return unique.stream().map(data::get).filter(Objects::nonNull)
                .filter(document -> documentMatchesQuery(document, query));
        }
        IndexPlan plan = IndexPlan.choose(secondaryIndexes(), QueryShape.of(query), null, false);
        if (plan == null) {
            return data.values().stream().filter(document -> documentMatchesQuery(document, query));
        }
        return plan.ranges().stream().flatMap(range -> StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(documentsIn(plan, range, query), Spliterator.ORDERED), false));
    }

    /**
     * The first `limit` documents matching `filter` in `orderBy` order, read as a find reads them
     * (an index that gives the order is walked only as far as the limit), for an aggregation that
     * starts $match, $sort, $limit. Runs under the collection's lock, as the caller holds it.
     */
    List<Document> firstMatching(Document filter, Document orderBy, int limit) {
        return queryDocuments(filter, orderBy, 0, limit, limit, null).collectDocuments();
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        long count = countMatching(query);
        if (skip > 0) {
            count = Math.max(0, count - skip);
        }
        if (limit > 0) {
            count = Math.min(limit, count);
        }
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /** Documents of one index range, in index order, that match the filter (skipped when the plan is exact). */
    private Iterator<Document> documentsIn(IndexPlan plan, IndexPlan.Range range, Document filter) {
        SecondaryIndex index = plan.index();
        Cursor<byte[], Object> cursor = index.cursor(range.from(), range.to(), plan.reverse());
        boolean check = !plan.exact();
        Set<Object> seen = index.isAnyMultikey() ? new HashSet<>() : null;
        return new Iterator<>() {
            private Document next;

            @Override
            public boolean hasNext() {
                while (next == null && cursor.hasNext()) {
                    cursor.next();
                    Object position = cursor.getValue();
                    if (seen != null && !seen.add(position)) {
                        continue;
                    }
                    Document document = data.get(position);
                    if (document != null && (!check || documentMatchesQuery(document, filter))) {
                        next = document;
                    }
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Document result = next;
                next = null;
                return result;
            }
        };
    }

    private List<SecondaryIndex> secondaryIndexes() {
        List<SecondaryIndex> result = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex secondary) {
                result.add(secondary);
            }
        }
        return result;
    }

    /**
     * Positions from a unique index whose every key the filter pins (one value each, or an $in on a
     * single-key index), or null when none does. What else the filter holds is left to the matcher.
     * An empty list when the filter cannot match anything.
     */
    private List<Object> uniquePositions(Document filter) {
        QueryShape shape = QueryShape.of(filter);
        // An empty $in in the conjunction (the kernel's MATCHES_NOTHING) matches nothing: read nothing.
        if (shape.predicates.values().stream().anyMatch(p -> p.points != null && p.points.isEmpty())) {
            return List.of();
        }
        for (Index<Object> index : getIndexes()) {
            if (!index.isUnique()) {
                continue;
            }
            List<IndexKey> keys = index.getKeys();
            Document lookup = new Document();
            for (IndexKey key : keys) {
                QueryShape.Predicate predicate = shape.predicates.get(key.getKey());
                if (predicate == null || predicate.points == null || predicate.points.isEmpty()) {
                    lookup = null;
                    break;
                }
                if (predicate.points.size() == 1) {
                    lookup.put(key.getKey(), predicate.points.get(0));
                } else if (keys.size() == 1) {
                    lookup.put(key.getKey(), new Document("$in", predicate.points));
                } else {
                    lookup = null;
                    break;
                }
            }
            if (lookup == null || !index.canHandle(lookup)) {
                continue;
            }
            // A sparse unique index has no entry for a null key; such a lookup must scan.
            if (lookup.values().stream().anyMatch(Objects::isNull)) {
                continue;
            }
            List<Object> positions = new ArrayList<>();
            for (Object position : index.getPositions(lookup)) {
                positions.add(position);
            }
            return positions;
        }
        return null;
    }

    static DocumentComparator comparator(Document orderBy) {
        return new DocumentComparator(orderBy);
    }
}
