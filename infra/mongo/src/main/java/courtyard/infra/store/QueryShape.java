package courtyard.infra.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A filter read as a conjunction of per-path predicates an index can bound: equality (a value, $eq,
 * $in), a range ($gt/$gte/$lt/$lte) and $exists: true. Top-level fields and the members of $and
 * count; anything else ($or, $regex, $ne, $elemMatch, embedded-document equality...) makes the shape
 * {@link #residual}: the matcher must still decide, and an index can only narrow the candidates.
 * The full filter is always what decides when the shape is residual, so reading less here is safe.
 */
final class QueryShape {

    /** What one path is constrained to. Points win over a range when a path has both. */
    static final class Predicate {
        List<Object> points;
        Object lower;
        boolean lowerInclusive;
        Object upper;
        boolean upperInclusive;
        boolean exists;
        /** Every condition on this path is one of the above, on values the key encoding orders exactly. */
        boolean exact = true;

        boolean hasRange() {
            return lower != null || upper != null;
        }
    }

    final Map<String, Predicate> predicates = new LinkedHashMap<>();
    boolean residual;

    static QueryShape of(Document filter) {
        QueryShape shape = new QueryShape();
        if (filter != null) {
            shape.read(filter);
        }
        return shape;
    }

    private void read(Document filter) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        read(document);
                    } else {
                        residual = true;
                    }
                }
            } else if (key.startsWith("$")) {
                residual = true;
            } else {
                readPath(key, value);
            }
        }
    }

    private void readPath(String path, Object condition) {
        Predicate predicate = predicates.computeIfAbsent(path, p -> new Predicate());
        if (condition instanceof Document document && isOperatorDocument(document)) {
            for (Map.Entry<String, Object> op : document.entrySet()) {
                Object operand = op.getValue();
                switch (op.getKey()) {
                    case "$eq" -> addPoints(predicate, Collections.singletonList(operand));
                    case "$in" -> {
                        if (operand instanceof Collection<?> values && values.stream().allMatch(QueryShape::isScalar)) {
                            addPoints(predicate, new ArrayList<>(values));
                        } else {
                            unusable(predicate);
                        }
                    }
                    case "$gt", "$gte" -> {
                        if (isRangeOperand(operand) && predicate.lower == null) {
                            predicate.lower = operand;
                            predicate.lowerInclusive = op.getKey().equals("$gte");
                        } else {
                            unusable(predicate);
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (isRangeOperand(operand) && predicate.upper == null) {
                            predicate.upper = operand;
                            predicate.upperInclusive = op.getKey().equals("$lte");
                        } else {
                            unusable(predicate);
                        }
                    }
                    case "$exists" -> {
                        if (Boolean.TRUE.equals(operand) || (operand instanceof Number n && n.intValue() != 0)) {
                            predicate.exists = true;
                            // Exact only for a sparse single-key index; the plan decides.
                        } else {
                            unusable(predicate);
                        }
                    }
                    default -> unusable(predicate);
                }
            }
        } else if (isScalar(condition)) {
            addPoints(predicate, Collections.singletonList(condition));
        } else {
            unusable(predicate);
        }
        if (predicate.points != null && predicate.hasRange()) {
            // Both on one path: the points bound the scan, the matcher checks the range.
            predicate.exact = false;
            residual = true;
        }
    }

    private void addPoints(Predicate predicate, List<Object> values) {
        if (predicate.points == null) {
            predicate.points = values;
            for (Object value : values) {
                if (!KeyCodec.isExact(value)) {
                    predicate.exact = false;
                    residual = true;
                }
            }
        } else {
            // A second equality on one path: keep the first for the scan, let the matcher intersect.
            unusable(predicate);
        }
    }

    private void unusable(Predicate predicate) {
        predicate.exact = false;
        residual = true;
    }

    private static boolean isOperatorDocument(Document document) {
        return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
    }

    /** A value an equality can look up in the index: not an array, an embedded document or a pattern. */
    private static boolean isScalar(Object value) {
        return !(value instanceof Collection) && !(value instanceof Map) && !(value instanceof Pattern)
            && !(value instanceof BsonRegularExpression);
    }

    private static boolean isRangeOperand(Object value) {
        return value != null && isScalar(value) && KeyCodec.isExact(value);
    }
}
