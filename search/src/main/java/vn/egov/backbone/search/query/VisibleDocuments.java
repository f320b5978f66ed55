package vn.egov.backbone.search.query;

import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import vn.egov.backbone.eoffice.document.ReaderScope;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level security at the reader: a view of the index in which the documents an official may
 * not read are deleted. Everything computed on it — hits, totals, facet counts, highlights,
 * suggestions, "more like this" — sees only what the official may read, so no feature can forget the
 * filter (the approach of Elasticsearch's DocumentSubsetReader). Built per request from the official's
 * current scope, so a right taken away counts at once. Term statistics (and so raw scores) still
 * include hidden documents; scores are never shown.
 */
final class VisibleDocuments extends FilterDirectoryReader {

    /**
     * Visible bits per (segment, its deletions, reader scope): segments do not change, so an official's
     * next search only computes bits for segments written since, like Elasticsearch's
     * DocumentSubsetBitsetCache. A changed scope (a role taken away) is another key: it counts at once.
     */
    private static final int CACHED_SEGMENTS = 4096;
    private static final Map<List<Object>, FixedBitSet> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, FixedBitSet> eldest) {
                    return size() > CACHED_SEGMENTS;
                }
            });

    /**
     * One search is split into as many slices of the index as there are cores, searched side by side
     * (large segments are split into partitions, so that one big segment does not leave a core idle):
     * a query that walks the postings of common syllables in every visible document finishes sooner when
     * the other core is free (long queries at 300,000 documents: p99 64 → 48 ms, README "Search").
     */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final java.util.concurrent.ExecutorService SEGMENTS = java.util.concurrent.Executors.newFixedThreadPool(
            CORES, runnable -> {
                Thread thread = new Thread(runnable, "search-segments");
                thread.setDaemon(true);
                return thread;
            });

    /** A searcher over what the official of {@code scope} may read in {@code reader}. */
    static IndexSearcher searcher(DirectoryReader reader, ReaderScope scope) throws IOException {
        IndexSearcher searcher = new IndexSearcher(new VisibleDocuments(reader, visibleBits(reader, scope)), SEGMENTS) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                int documents = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).sum();
                return slices(leaves, Math.max(1, (documents + CORES - 1) / CORES), Integer.MAX_VALUE, true);
            }
        };
        searcher.setQueryCache(null);
        return searcher;
    }

    private static Map<LeafReader, FixedBitSet> visibleBits(DirectoryReader reader, ReaderScope scope) throws IOException {
        IndexSearcher all = new IndexSearcher(reader);
        all.setQueryCache(null);
        Weight weight = null;
        Map<LeafReader, FixedBitSet> bits = new IdentityHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            CacheHelper core = leaf.reader().getCoreCacheHelper();
            // deletions only ever grow in a segment: its live count identifies its deletions
            List<Object> key = core == null ? null : List.of(core.getKey(), leaf.reader().numDocs(), scope);
            FixedBitSet visible = key == null ? null : CACHE.get(key);
            if (visible == null) {
                if (weight == null) {
                    weight = all.createWeight(all.rewrite(AccessFilter.of(scope)), ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                visible = new FixedBitSet(leaf.reader().maxDoc());
                Scorer scorer = weight.scorer(leaf);
                if (scorer != null) {
                    DocIdSetIterator docs = scorer.iterator();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            visible.set(doc);
                        }
                    }
                }
                if (key != null) {
                    CACHE.put(key, visible);
                }
            }
            bits.put(leaf.reader(), visible);
        }
        return bits;
    }

    private VisibleDocuments(DirectoryReader in, Map<LeafReader, FixedBitSet> bits) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new VisibleLeaf(reader, bits.get(reader));
            }
        });
    }

    /**
     * Matches exactly the visible documents, from the bits already computed, at no cost per query. Added
     * as a filter clause it lets Lucene lead the search with the (usually small) set an official may
     * read instead of walking every posting of a common syllable and skipping the hidden documents.
     */
    static final Query ONLY_VISIBLE = new Query() {
        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                    if (!(context.reader() instanceof VisibleLeaf leaf)) {
                        throw new IllegalStateException("ONLY_VISIBLE works on a VisibleDocuments searcher");
                    }
                    Scorer scorer = new ConstantScoreScorer(score(), scoreMode,
                            new BitSetIterator(leaf.visible, leaf.numDocs));
                    return new DefaultScorerSupplier(scorer);
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public String toString(String field) {
            return "visible documents";
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    };

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
        throw new UnsupportedOperationException("A view of one official's documents is not reopened; build a new one");
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null; // what is visible differs per official: nothing may be cached under the index's key
    }

    private static final class VisibleLeaf extends FilterLeafReader {
        private final FixedBitSet visible;
        private final int numDocs;

        VisibleLeaf(LeafReader in, FixedBitSet visible) {
            super(in);
            this.visible = visible;
            this.numDocs = visible.cardinality();
        }

        @Override
        public Bits getLiveDocs() {
            return visible;
        }

        @Override
        public int numDocs() {
            return numDocs;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
