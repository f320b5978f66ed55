package vn.egov.backbone.search.query;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.index.IndexedRecord;
import vn.egov.backbone.search.index.SearchIndex;
import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A judged relevance collection (records and queries with the records that answer them) indexed twice:
 * by Backbone's {@link SearchQueries}, and by plain BM25 — one field with the record's subject and body in
 * folded syllables — so that every figure Backbone reports has the plain figures measured on the same data in
 * the same run beside it. Two plain baselines: the query's folded syllables OR-ed ({@link #plain}), and the
 * same with every pair of adjacent syllables as a term of its own ({@link #plainWithPairs}), the "folded +
 * syllable bigrams" that issue 18 measured as the better plain retrieval.
 */
final class JudgedCollection implements AutoCloseable {
    /** A judged query; {@code kind} groups the report (with/without diacritics, numbers, typos, …). */
    record Judged(String id, String kind, String query, Set<String> relevant) {
    }

    /** Sums over queries: count, reciprocal ranks, recall@10. */
    static final class Figures {
        double count;
        double reciprocalRanks;
        double recall;

        double mrr() {
            return count == 0 ? 0 : reciprocalRanks / count;
        }

        double recallAt10() {
            return count == 0 ? 0 : recall / count;
        }

        void add(Judged q, List<String> top) {
            double reciprocal = 0;
            int found = 0;
            for (int rank = 0; rank < Math.min(10, top.size()); rank++) {
                if (q.relevant().contains(top.get(rank))) {
                    found++;
                    if (reciprocal == 0) {
                        reciprocal = 1.0 / (rank + 1);
                    }
                }
            }
            count++;
            reciprocalRanks += reciprocal;
            recall += (double) found / q.relevant().size();
        }
    }

    private static final ReaderScope EVERYTHING = new ReaderScope("reader", true, Set.of(), Set.of(), Set.of(), Set.of());

    private static final String TEXT = "text";
    private static final String PAIRS = "pairs";

    final SearchIndex index;
    final SearchQueries search;
    private final ByteBuffersDirectory plainDirectory = new ByteBuffersDirectory();
    private final DirectoryReader plainReader;

    /** Records: {@code id, number, issuer, type, issued, subject, body} per line. */
    JudgedCollection(Path dir, String recordsResource) throws IOException {
        this(dir, rows(recordsResource));
    }

    /** @param records {@code id, number, issuer, type, issued, subject, body} each */
    JudgedCollection(Path dir, List<String[]> records) throws IOException {
        index = new SearchIndex(dir.toString(), JsonMapper.builder().findAndAddModules().build());
        search = new SearchQueries(index);
        // the pairs are written out as one whitespace-separated term each ("quyet_dinh"), read by a whitespace analyzer
        Analyzer plainAnalysis = new PerFieldAnalyzerWrapper(VietnameseAnalysis.folded(), Map.of(PAIRS, new WhitespaceAnalyzer()));
        try (IndexWriter plain = new IndexWriter(plainDirectory, new IndexWriterConfig(plainAnalysis))) {
            for (String[] d : records) {
                IndexedRecord r = new IndexedRecord(d[0], "INCOMING");
                r.number = d[1];
                r.issuer = d[2];
                r.type = d[3];
                r.issuedOn = LocalDate.parse(d[4]);
                r.subject = d[5];
                r.agencyId = "A";
                r.classification = "NONE";
                r.status = "REGISTERED";
                r.urgency = "NORMAL";
                String body = d.length > 6 ? d[6] : "";
                index.put(r, body, true);
                Document doc = new Document();
                doc.add(new StringField("id", d[0], Field.Store.YES));
                doc.add(new TextField(TEXT, r.subject + "\n" + body, Field.Store.NO));
                doc.add(new TextField(PAIRS, String.join(" ", pairs(r.subject + "\n" + body)), Field.Store.NO));
                plain.addDocument(doc);
            }
        }
        index.commit(index.commitData());
        plainReader = DirectoryReader.open(plainDirectory);
    }

    /** Backbone's first page for a query, as a reader who may read everything. */
    List<String> backbone(String query) {
        return search.search(EVERYTHING, SearchRequest.text(query)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    /** The plain baseline's first ten for a query: its folded syllables OR-ed. */
    List<String> plain(String query) {
        return plainFirstTen(syllablesOred(query).build());
    }

    /** The second plain baseline's first ten: the query's folded syllables and its pairs of adjacent ones, all OR-ed. */
    List<String> plainWithPairs(String query) {
        BooleanQuery.Builder any = syllablesOred(query);
        for (String pair : pairs(query)) {
            any.add(new TermQuery(new Term(PAIRS, pair)), Occur.SHOULD);
        }
        return plainFirstTen(any.build());
    }

    private static BooleanQuery.Builder syllablesOred(String query) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String token : VietnameseAnalysis.tokens(VietnameseAnalysis.folded(), query)) {
            any.add(new TermQuery(new Term(TEXT, token)), Occur.SHOULD);
        }
        return any;
    }

    private static List<String> pairs(String text) {
        List<String> syllables = VietnameseAnalysis.tokens(VietnameseAnalysis.folded(), text);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < syllables.size(); i++) {
            pairs.add(syllables.get(i) + "_" + syllables.get(i + 1));
        }
        return pairs;
    }

    private List<String> plainFirstTen(Query query) {
        try {
            IndexSearcher searcher = new IndexSearcher(plainReader);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Figures per kind for the queries, ranked by {@code engine}. */
    static Map<String, Figures> measure(List<Judged> queries, Function<String, List<String>> engine,
                                        List<String> misses) {
        Map<String, Figures> byKind = new TreeMap<>();
        for (Judged q : queries) {
            List<String> top = engine.apply(q.query());
            byKind.computeIfAbsent(q.kind(), k -> new Figures()).add(q, top);
            byKind.computeIfAbsent("all", k -> new Figures()).add(q, top);
            if (misses != null && (top.isEmpty() || !q.relevant().contains(top.getFirst()))) {
                misses.add(q.id() + " " + q.query() + " -> " + top.stream().limit(3).toList());
            }
        }
        return byKind;
    }

    /** A table of MRR@10 and recall@10 per kind: plain, plain with pairs, Backbone. */
    static String report(String title, Map<String, Figures> plain, Map<String, Figures> plainWithPairs,
                         Map<String, Figures> backbone) {
        StringBuilder report = new StringBuilder(title).append('\n').append(String.format(
                "%-14s %5s %28s %28s%n", "kind", "n", "MRR@10 plain/pairs/Backbone", "R@10 plain/pairs/Backbone"));
        backbone.forEach((kind, f) -> report.append(String.format("%-14s %5d %8.3f / %.3f / %-7.3f %8.3f / %.3f / %-7.3f%n",
                kind, (int) f.count, plain.get(kind).mrr(), plainWithPairs.get(kind).mrr(), f.mrr(),
                plain.get(kind).recallAt10(), plainWithPairs.get(kind).recallAt10(), f.recallAt10())));
        return report.toString();
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                JudgedCollection.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        plainReader.close();
        index.close();
    }
}
