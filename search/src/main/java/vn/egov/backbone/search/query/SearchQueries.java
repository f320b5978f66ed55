package vn.egov.backbone.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.index.IndexedRecord;
import vn.egov.backbone.search.index.SearchFields;
import vn.egov.backbone.search.index.SearchIndex;
import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Searches the index for one official. Every operation runs on {@link VisibleDocuments} built from the
 * official's {@link ReaderScope}, resolved by the caller at the moment of the request.
 */
@Service
public class SearchQueries {
    private static final int FACET_VALUES = 20;
    private static final int SUGGESTIONS = 8;
    /**
     * How many of the first ranking's best records the adjacent syllables re-rank. Their score only reorders: a
     * record outside these would need its pairs to outweigh two hundred better matches of the syllables.
     */
    private static final int RESCORED = 200;
    /** Ranks a hit's passages for its snippet: Lucene's formula, without its allocations ({@link SnippetPassages}). */
    private static final SnippetPassages PASSAGES = new SnippetPassages();
    /** Fewer hits than this, and the search is tried again tolerating one typo per long syllable. */
    private static final int TYPO_TOLERANCE_BELOW = 3;

    private final SearchIndex index;
    private final QueryBuilder queries;

    public SearchQueries(SearchIndex index) {
        this.index = index;
        this.queries = new QueryBuilder(index.exactAnalyzer(), index.foldedAnalyzer());
    }

    public SearchResult search(ReaderScope scope, SearchRequest request) {
        UserQuery text = UserQuery.parse(request.q());
        return readAs(scope, searcher -> {
            SearchResult result = search(searcher, text, request, false);
            if (result.total() < TYPO_TOLERANCE_BELOW && !text.words().isEmpty()) {
                SearchResult tolerant = search(searcher, text, request, true);
                return tolerant.total() > result.total() ? tolerant : result;
            }
            return result;
        });
    }

    private SearchResult search(IndexSearcher searcher, UserQuery text, SearchRequest request, boolean tolerateTypos)
            throws IOException {
        TextFields fields = TextFields.of(searcher.getIndexReader());
        Set<String> mistyped = tolerateTypos ? queries.mistyped(text) : Set.of();
        Query query = withFilters(queries.build(text, mistyped, syllable -> share(searcher, fields, syllable), fields),
                request);
        int wanted = request.page() * request.size();
        boolean byRelevance = request.sort() != SearchRequest.Sort.DATE;
        Query adjacency = byRelevance ? queries.adjacency(text) : null;
        int ranked = adjacency == null ? wanted : Math.max(wanted, RESCORED);
        MultiCollectorManager both = new MultiCollectorManager(
                byRelevance ? new TopScoreDocCollectorManager(ranked, null, Integer.MAX_VALUE)
                        : new TopFieldCollectorManager(new Sort(new SortField(SearchFields.DATE, SortField.Type.LONG, true),
                        SortField.FIELD_SCORE), wanted, null, Integer.MAX_VALUE),
                new FacetCounts(SearchFields.FACETS));
        Object[] results = searcher.search(query, both);
        TopDocs top = (TopDocs) results[0];
        if (adjacency != null) {
            // the pairs' score added to the first ranking's best: the same sum the pairs gave as clauses of the query
            top = QueryRescorer.rescore(searcher, top, adjacency, 1.0, wanted);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Integer>> facets = (Map<String, Map<String, Integer>>) results[1];
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, wanted - request.size()),
                top.scoreDocs.length);
        List<SearchResult.Hit> hits = hits(searcher, new TopDocs(top.totalHits, page), text, mistyped);
        return new SearchResult(top.totalHits.value(), request.page(), request.size(), hits, facetValues(facets));
    }

    /** Records whose subject (or number) starts like the text typed so far, newest-relevant first. */
    public List<SearchResult.Suggestion> suggest(ReaderScope scope, String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.length() > 200) {
            return List.of();
        }
        List<String> tokens = VietnameseAnalysis.tokens(index.foldedAnalyzer(), prefix);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (Character.isDigit(prefix.strip().charAt(0))) {
            query.add(new PrefixQuery(new Term(SearchFields.NUMBER, VietnameseAnalysis.documentNumber(prefix))), Occur.SHOULD);
        }
        if (!tokens.isEmpty()) {
            BooleanQuery.Builder subject = new BooleanQuery.Builder();
            String field = SearchFields.SUBJECT_TEXT;
            boolean lastComplete = Character.isWhitespace(prefix.charAt(prefix.length() - 1));
            for (int i = 0; i < tokens.size(); i++) {
                Term term = new Term(field, tokens.get(i));
                subject.add(i == tokens.size() - 1 && !lastComplete ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
            }
            query.add(subject.build(), Occur.SHOULD);
        }
        return readAs(scope, searcher -> {
            TopDocs top = searcher.search(query.build(), SUGGESTIONS);
            StoredFields stored = searcher.storedFields();
            List<SearchResult.Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                IndexedRecord r = index.record(stored.document(hit.doc));
                suggestions.add(new SearchResult.Suggestion(r.id, r.number, r.subject));
            }
            return suggestions;
        });
    }

    /** Records like the given one ("more like this"), among those the official may read. */
    public List<SearchResult.Hit> similar(ReaderScope scope, String id, int count) {
        return readAs(scope, searcher -> {
            TopDocs source = searcher.search(new TermQuery(new Term(SearchFields.ID, id)), 1);
            if (source.scoreDocs.length == 0) {
                throw new NotFound(SearchError.NO_DOCUMENT_TO_COMPARE, id);
            }
            Document doc = searcher.storedFields().document(source.scoreDocs[0].doc);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.foldedAnalyzer());
            String whole = TextFields.of(searcher.getIndexReader()).whole();
            mlt.setFieldNames(new String[] {whole});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(25);
            String text = String.join("\n", nonNull(doc.get(SearchFields.SUBJECT)), nonNull(doc.get(SearchFields.BODY)));
            Query like = mlt.like(whole, new StringReader(text));
            Query others = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.ID, id)), Occur.MUST_NOT).build();
            return hits(searcher, searcher.search(others, count), UserQuery.parse(""), Set.of());
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Work on the view of the index the official of {@code scope} may read: the only way queries reach it. */
    private <T> T readAs(ReaderScope scope, SearchIndex.Reading<T> work) {
        return index.read(all -> work.read(VisibleDocuments.searcher((DirectoryReader) all.getIndexReader(), scope)));
    }

    /** The share of the index's records whose text holds a folded syllable (hidden ones included). */
    private static double share(IndexSearcher searcher, TextFields fields, String foldedSyllable) {
        try {
            int records = searcher.getIndexReader().maxDoc();
            if (records == 0) {
                return 0;
            }
            return (double) fields.holding(searcher.getIndexReader(), foldedSyllable) / records;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Query withFilters(Query query, SearchRequest r) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST)
                .add(VisibleDocuments.ONLY_VISIBLE, Occur.FILTER);
        r.filters().forEach((field, value) -> {
            if (!field.equals(SearchFields.YEAR)) { // a number: matched on its point field below
                filtered.add(new TermQuery(new Term(field, value)), Occur.FILTER);
            }
        });
        if (r.year() != null) {
            filtered.add(IntPoint.newExactQuery(SearchFields.YEAR, r.year()), Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            filtered.add(LongPoint.newRangeQuery(SearchFields.DATE,
                    r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay(),
                    r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay()), Occur.FILTER);
        }
        return filtered.build();
    }

    private List<SearchResult.Hit> hits(IndexSearcher searcher, TopDocs top, UserQuery text, Set<String> mistyped)
            throws IOException {
        Map<String, String[]> highlights = Map.of();
        if (top.scoreDocs.length > 0 && !text.isEmpty()) {
            highlights = snippets(searcher, top, queries.forHighlighting(text, mistyped));
        }
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            IndexedRecord r = index.record(stored.document(top.scoreDocs[i].doc));
            List<String> marks = new ArrayList<>();
            for (String[] field : highlights.values()) {
                if (field[i] != null && field[i].contains("<mark>")) {
                    marks.add(field[i]);
                }
            }
            hits.add(new SearchResult.Hit(r.id, r.kind, r.number, r.subject, r.date(), r.issuer, r.type, r.status,
                    r.urgency, r.agencyId, marks));
        }
        return hits;
    }

    /**
     * The marked snippets of subject and body, per hit in {@code top}'s order. The stored text is analysed again
     * for each hit (a quarter of a long query's time at 300,000 documents), so the page's hits are split in two
     * halves marked side by side on the search's own threads, as the index's slices are searched.
     */
    private Map<String, String[]> snippets(IndexSearcher searcher, TopDocs top, Query query) throws IOException {
        String[] fields = {SearchFields.SUBJECT, SearchFields.BODY};
        int count = top.scoreDocs.length;
        int half = (count + 1) / 2;
        List<Callable<Map<String, String[]>>> halves = new ArrayList<>();
        halves.add(() -> highlighter(searcher).highlightFields(fields, query, part(top, 0, half), new int[] {1, 2}));
        if (count > half) {
            halves.add(() -> highlighter(searcher).highlightFields(fields, query, part(top, half, count), new int[] {1, 2}));
        }
        List<Map<String, String[]>> marked = searcher.getTaskExecutor().invokeAll(halves);
        Map<String, String[]> snippets = new LinkedHashMap<>();
        for (String field : fields) {
            String[] all = new String[count];
            int at = 0;
            for (Map<String, String[]> part : marked) {
                String[] values = part.get(field);
                System.arraycopy(values, 0, all, at, values.length);
                at += values.length;
            }
            snippets.put(field, all);
        }
        return snippets;
    }

    private static TopDocs part(TopDocs top, int from, int to) {
        return new TopDocs(top.totalHits, Arrays.copyOfRange(top.scoreDocs, from, to));
    }

    /** A highlighter for one part of a page's hits (not shared between threads). */
    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.foldedAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                // re-analyse the stored text token by token instead of building an in-memory index per hit;
                // so the words of a phrase are marked wherever they occur in the snippet, not only together
                .withPassageRelevancyOverSpeed(false)
                .withHighlightPhrasesStrictly(false)
                .withScorer(PASSAGES);
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldInfo getFieldInfo(String field) {
                // subject and body are stored only: always re-analysed; spares merging field infos per query
                return null;
            }
        };
    }

    private static Map<String, List<SearchResult.FacetValue>> facetValues(Map<String, Map<String, Integer>> counts) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        counts.forEach((field, values) -> facets.put(field, values.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACET_VALUES)
                .map(e -> new SearchResult.FacetValue(e.getKey(), null, e.getValue()))
                .toList()));
        return facets;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
