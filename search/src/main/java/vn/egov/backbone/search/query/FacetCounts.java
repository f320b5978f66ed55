package vn.egov.backbone.search.query;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the values of the facet fields over every matching document, in the same pass as the hits
 * and on the same filtered view, so that a count can never include a document the official may not
 * read. Counts by ordinal per segment and resolves the values once per segment.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counting, Map<String, Map<String, Integer>>> {
    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Counting newCollector() {
        return new Counting(fields);
    }

    @Override
    public Map<String, Map<String, Integer>> reduce(Collection<Counting> collectors) {
        Map<String, Map<String, Integer>> total = new LinkedHashMap<>();
        fields.forEach(f -> total.put(f, new HashMap<>()));
        for (Counting c : collectors) {
            c.counts.forEach((field, values) -> values.forEach((value, n) -> total.get(field).merge(value, n, Integer::sum)));
        }
        return total;
    }

    static final class Counting implements Collector {
        private final List<String> fields;
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();

        Counting(List<String> fields) {
            this.fields = fields;
            fields.forEach(f -> counts.put(f, new HashMap<>()));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues[] values = new SortedDocValues[fields.size()];
            int[][] ordinals = new int[fields.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSorted(context.reader(), fields.get(i));
                ordinals[i] = new int[values[i].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i].advanceExact(doc)) {
                            ordinals[i][values[i].ordValue()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    // fresh doc values: the ones above were advanced by collect and only go forward
                    for (int i = 0; i < values.length; i++) {
                        SortedDocValues lookup = DocValues.getSorted(context.reader(), fields.get(i));
                        Map<String, Integer> field = counts.get(fields.get(i));
                        for (int ord = 0; ord < ordinals[i].length; ord++) {
                            if (ordinals[i][ord] > 0) {
                                field.merge(lookup.lookupOrd(ord).utf8ToString(), ordinals[i][ord], Integer::sum);
                            }
                        }
                    }
                }
            };
        }
    }
}
