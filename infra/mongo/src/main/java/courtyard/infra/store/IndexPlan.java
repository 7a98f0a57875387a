package courtyard.infra.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How a filter (and sort) is answered from one {@link SecondaryIndex}, following MongoDB's rules for
 * the shapes the services issue: equality (or $in) on a prefix of the keys, then optionally a range on
 * the next key (type-bracketed, as in MongoDB: {@code $lte: date} reads only dates), and the sort is
 * taken from the index when the sort keys, after the equality prefix, are the next index keys in the
 * same or the opposite directions. A prefix $in becomes several ranges, each in index order.
 *
 * <p>{@link #exact()} means the bounds are the whole filter, so neither the matcher nor a document read
 * is needed to count; otherwise the matcher checks every document the ranges return.
 */
record IndexPlan(SecondaryIndex index, List<Range> ranges, boolean reverse, boolean sortFollows, boolean exact) {

    /** Both ends are bound keys that never equal a stored key (inclusive or exclusive is already decided). */
    record Range(byte[] from, byte[] to) {
    }

    /** More ranges than this (a product of $in lists) is not worth planning. */
    private static final int MAX_RANGES = 256;

    private static final byte AFTER = (byte) 0xFF;

    /** The best plan, or null when no index helps (the caller scans). */
    static IndexPlan choose(List<SecondaryIndex> indexes, QueryShape shape, Document orderBy, boolean limited) {
        return choose(indexes, shape, orderBy, limited ? 1 : 0, false);
    }

    /**
     * The plan expected to read the fewest entries, as MongoDB's planner finds by trying each: every
     * candidate's ranges are counted in its index (O(log n) per range, no document read), and the
     * smallest count bounds how many documents can match the whole filter. A plan whose order is the
     * sort, under a limit, stops after {@code wanted} matches per range, so it is expected to read its
     * entries in the proportion those matches are of them; any other plan reads all its entries. Without
     * the counts a plan was chosen by its shape alone (more keys bounded, then a sort for free), which
     * for a repeat-call lookup ({@code propertyId, category, state, 'contact.phone'}, sorted by
     * {@code createdAt}, limit 1) took the property-and-category index for its sort and read every
     * request of that category to find one phone's. Ties keep the shape's order.
     *
     * @param wanted skip + limit of a limited query (0: every match is wanted)
     * @param counting a count: an exact plan is counted in the index without reading any document
     */
    static IndexPlan choose(List<SecondaryIndex> indexes, QueryShape shape, Document orderBy, int wanted,
                            boolean counting) {
        List<Scored> plans = new ArrayList<>();
        for (SecondaryIndex index : indexes) {
            Scored plan = plan(index, shape, orderBy, wanted > 0);
            if (plan != null) {
                plans.add(plan);
            }
        }
        if (plans.isEmpty()) {
            return null;
        }
        if (plans.size() == 1) {
            return plans.get(0).plan;
        }
        long[] entries = new long[plans.size()];
        long matchesAtMost = Long.MAX_VALUE;
        for (int i = 0; i < plans.size(); i++) {
            IndexPlan plan = plans.get(i).plan;
            long total = 0;
            for (Range range : plan.ranges()) {
                total += plan.index().countBetween(range.from(), range.to());
            }
            entries[i] = total;
            // Every matching document has an entry in every candidate's ranges (a multikey index may
            // hold several per document, so this is an upper bound).
            matchesAtMost = Math.min(matchesAtMost, total);
        }
        IndexPlan best = null;
        double bestCost = Double.MAX_VALUE;
        int bestScore = 0;
        for (int i = 0; i < plans.size(); i++) {
            Scored scored = plans.get(i);
            IndexPlan plan = scored.plan;
            double cost;
            if (counting && plan.exact() && !plan.index().isAnyMultikey()) {
                cost = 0;
            } else if (plan.sortFollows() && wanted > 0) {
                double needed = (double) wanted * plan.ranges().size();
                double share = matchesAtMost == 0 ? 1 : Math.min(1, needed / matchesAtMost);
                cost = plan.exact() ? Math.min(entries[i], needed) : entries[i] * share;
            } else {
                cost = entries[i];
            }
            if (best == null || cost < bestCost || (cost == bestCost && scored.score > bestScore)) {
                best = plan;
                bestCost = cost;
                bestScore = scored.score;
            }
        }
        return best;
    }

    private record Scored(IndexPlan plan, int score) {
    }

    private static Scored plan(SecondaryIndex index, QueryShape shape, Document orderBy, boolean limited) {
        List<String> paths = index.paths();
        List<List<Object>> prefixPoints = new ArrayList<>();
        int used = 0;
        long combinations = 1;
        for (String path : paths) {
            QueryShape.Predicate predicate = shape.predicates.get(path);
            if (predicate == null || predicate.points == null) {
                break;
            }
            if (index.sparse() && predicate.points.contains(null)) {
                break; // a sparse index has no entry for a document without the key
            }
            combinations *= Math.max(1, predicate.points.size());
            if (combinations > MAX_RANGES) {
                break;
            }
            prefixPoints.add(predicate.points);
            used++;
        }
        QueryShape.Predicate rangePredicate = null;
        boolean existsScan = false;
        if (used < paths.size()) {
            QueryShape.Predicate predicate = shape.predicates.get(paths.get(used));
            if (predicate != null && predicate.points == null && predicate.hasRange()) {
                rangePredicate = predicate;
            } else if (used == 0 && predicate != null && predicate.exists && index.sparse()) {
                existsScan = true;
            }
        }
        boolean rangeBothEnds = rangePredicate != null && rangePredicate.lower != null
            && rangePredicate.upper != null;
        if (rangePredicate != null && rangeBothEnds && index.isMultikey(used)) {
            // Two bounds on a multikey path may be met by different elements: keep one, the matcher checks.
            rangeBothEnds = false;
        }

        int sortFollow = sortDirection(index, used, orderBy);
        boolean sortFollows = sortFollow != 0;
        boolean bounded = used > 0 || rangePredicate != null || existsScan;
        if (!bounded && !(sortFollows && limited && orderBy != null && !orderBy.isEmpty())) {
            return null;
        }
        if (index.sparse() && !bounded) {
            return null; // an unbounded scan of a sparse index would miss documents without the keys
        }

        List<Range> ranges = new ArrayList<>();
        buildRanges(index, prefixPoints, 0, new ByteArrayOutputStream(), rangePredicate, rangeBothEnds, used,
            ranges);

        boolean exact = !shape.residual && coversEveryPredicate(index, shape, used, rangePredicate, rangeBothEnds,
            existsScan);
        // Score: keys bounded first, then a sort for free, then fewer ranges.
        int score = (used * 2 + (rangePredicate != null || existsScan ? 1 : 0)) * 1000
            + (sortFollows ? 500 : 0) - Math.min(ranges.size(), 499);
        if (!bounded) {
            score = 1; // only for its order, under a limit
        }
        return new Scored(new IndexPlan(index, ranges, sortFollow < 0, sortFollows, exact), score);
    }

    /** True when the bounds express every predicate of the filter exactly. */
    private static boolean coversEveryPredicate(SecondaryIndex index, QueryShape shape, int used,
                                                QueryShape.Predicate rangePredicate, boolean rangeBothEnds,
                                                boolean existsScan) {
        List<String> paths = index.paths();
        for (Map.Entry<String, QueryShape.Predicate> entry : shape.predicates.entrySet()) {
            QueryShape.Predicate predicate = entry.getValue();
            int at = paths.indexOf(entry.getKey());
            if (!predicate.exact || at < 0) {
                return false;
            }
            if (at < used) {
                continue;
            }
            if (at == used && predicate == rangePredicate) {
                if (predicate.lower != null && predicate.upper != null && !rangeBothEnds) {
                    return false;
                }
                continue;
            }
            if (at == 0 && existsScan && paths.size() == 1) {
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * +1 when the index gives `orderBy` scanning forward, -1 backward, 0 when it cannot. Keys in the
     * equality prefix are constant within each range, so they are skipped; ranges are merged by the sort.
     */
    private static int sortDirection(SecondaryIndex index, int used, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 1;
        }
        List<String> paths = index.paths();
        int direction = 0;
        int next = used;
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("$")) {
                return 0;
            }
            int at = paths.indexOf(key);
            if (at >= 0 && at < used) {
                continue;
            }
            boolean ascending = !(entry.getValue() instanceof Number n) || n.intValue() >= 0;
            int here;
            if (at < 0 && key.equals("_id") && next == paths.size()) {
                // Every entry ends with the document id, ascending: equal keys come in _id order.
                here = ascending ? 1 : -1;
            } else if (at != next || index.isMultikey(at)) {
                return 0;
            } else {
                here = ascending == index.ascending(at) ? 1 : -1;
            }
            if (direction != 0 && here != direction) {
                return 0;
            }
            direction = here;
            next++;
        }
        return direction == 0 ? 1 : direction;
    }

    private static void buildRanges(SecondaryIndex index, List<List<Object>> prefixPoints, int i,
                                    ByteArrayOutputStream prefix, QueryShape.Predicate range, boolean bothEnds,
                                    int rangeAt, List<Range> out) {
        if (i == prefixPoints.size()) {
            out.add(rangeAfter(index, prefix.toByteArray(), range, bothEnds, rangeAt));
            return;
        }
        for (Object point : new java.util.LinkedHashSet<>(prefixPoints.get(i))) {
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            next.writeBytes(prefix.toByteArray());
            KeyCodec.write(next, point, index.ascending(i));
            buildRanges(index, prefixPoints, i + 1, next, range, bothEnds, rangeAt, out);
        }
    }

    /** The bound keys of one range: the prefix, then the range on the next key (if any). */
    private static Range rangeAfter(SecondaryIndex index, byte[] prefix, QueryShape.Predicate range,
                                    boolean bothEnds, int at) {
        if (range == null) {
            return new Range(concat(prefix, prefix.length == 0 ? new byte[] {0x01} : new byte[0]),
                concat(prefix, new byte[] {AFTER}));
        }
        boolean ascending = index.ascending(at);
        Object lower = range.lower;
        Object upper = range.upper;
        if (!bothEnds) {
            // Multikey: keep one bound, the matcher applies the other.
            if (lower != null) {
                upper = null;
            }
        }
        Object typed = lower != null ? lower : upper;
        byte tag = KeyCodec.tagByte(typed, true);
        // Value-space bounds [low, high] as byte bounds, type-bracketed to the operand's type.
        byte[] low = lower != null
            ? bound(lower, ascending, range.lowerInclusive ? Side.BEFORE : Side.AFTER)
            : null;
        byte[] high = upper != null
            ? bound(upper, ascending, range.upperInclusive ? Side.AFTER : Side.BEFORE)
            : null;
        byte[] typeStart = ascending ? new byte[] {tag} : new byte[] {(byte) ~(tag & 0xFF)};
        byte[] typeEnd = ascending ? new byte[] {(byte) (tag + 1)} : new byte[] {(byte) (~(tag & 0xFF) + 1)};
        byte[] from;
        byte[] to;
        if (ascending) {
            from = low != null ? low : typeStart;
            to = high != null ? high : typeEnd;
        } else {
            // Complemented: the value-space upper bound comes first in byte order.
            from = high != null ? highAsFrom(upper, range.upperInclusive) : typeStart;
            to = low != null ? lowAsTo(lower, range.lowerInclusive) : typeEnd;
        }
        return new Range(concat(prefix, from), concat(prefix, to));
    }

    private enum Side { BEFORE, AFTER }

    /** Ascending component: a key just before or just after every key carrying `value`. */
    private static byte[] bound(Object value, boolean ascending, Side side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.write(out, value, ascending);
        if (side == Side.AFTER) {
            out.write(AFTER);
        }
        return out.toByteArray();
    }

    /** Descending component, value-space upper bound as the start of the byte range. */
    private static byte[] highAsFrom(Object upper, boolean inclusive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.write(out, upper, false);
        if (!inclusive) {
            out.write(AFTER);
        }
        return out.toByteArray();
    }

    /** Descending component, value-space lower bound as the end of the byte range. */
    private static byte[] lowAsTo(Object lower, boolean inclusive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.write(out, lower, false);
        if (inclusive) {
            out.write(AFTER);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
