package vn.egov.backbone.search.query;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.index.IndexedRecord;
import vn.egov.backbone.search.index.SearchFields;
import vn.egov.backbone.search.index.SearchIndex;
import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance on the judged collection in {@code src/test/resources/relevance}: 160 documents of a
 * provincial government and 70 queries as officials type them (with and without diacritics, numbers,
 * phrases, typos, old tone placement). Computes MRR@10 and recall@10 for the final analysis and for a
 * plain folded index (one folded field, OR of the query's syllables), and fails if the final figures
 * fall below the floors the README records.
 */
class RelevanceTest {
    /** The floors recorded in the README ("Search: relevance"); raise them when the figures improve. */
    static final double MRR_FLOOR = 0.97;
    static final double RECALL_FLOOR = 0.93;

    @TempDir
    static Path dir;
    static SearchIndex index;
    static SearchService search;

    record Judged(String id, String kind, String query, Set<String> relevant) {
    }

    @BeforeAll
    static void indexCollection() throws IOException {
        index = new SearchIndex(dir.toString(), JsonMapper.builder().findAndAddModules().build());
        search = new SearchService(index);
        for (String[] d : rows("relevance/documents.tsv")) {
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
            index.put(r, d[6], true);
        }
        index.commit(index.commitData());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void finalAnalysisMeetsTheRecordedLevelsAndBeatsThePlainFoldedIndex() throws IOException {
        List<Judged> queries = new ArrayList<>();
        for (String[] q : rows("relevance/queries.tsv")) {
            queries.add(new Judged(q[0], q[1], q[2], Set.of(q[3].split(" "))));
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(60);
        ReaderScope everything = new ReaderScope("reader", true, Set.of(), Set.of(), Set.of(), Set.of());

        Map<String, double[]> finalByKind = new TreeMap<>();
        Map<String, double[]> plainByKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Judged q : queries) {
            List<String> finalTop = search.search(everything, SearchRequest.text(q.query())).hits().stream()
                    .map(SearchResult.Hit::id).toList();
            List<String> plainTop = plainFolded(q.query());
            add(finalByKind, q, finalTop);
            add(plainByKind, q, plainTop);
            if (finalTop.isEmpty() || !q.relevant().contains(finalTop.getFirst())) {
                misses.add(q.id() + " " + q.query() + " -> " + finalTop);
            }
        }
        double[] finalAll = total(finalByKind);
        double[] plainAll = total(plainByKind);
        StringBuilder report = new StringBuilder(String.format("%-10s %6s %14s %14s%n", "kind", "n", "MRR@10 plain/final",
                "R@10 plain/final"));
        finalByKind.forEach((kind, f) -> report.append(row(kind, plainByKind.get(kind), f)));
        report.append(row("all", plainAll, finalAll));
        System.out.println(report);
        System.out.println("First hit not relevant: " + misses);

        assertThat(finalAll[1] / finalAll[0]).as("MRR@10\n" + report).isGreaterThanOrEqualTo(MRR_FLOOR);
        assertThat(finalAll[2] / finalAll[0]).as("recall@10\n" + report).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(finalAll[1]).as("the final analysis does better than plain folding").isGreaterThan(plainAll[1]);
    }

    /** The baseline: the query's folded syllables OR-ed over one folded text field (subject and body). */
    private static List<String> plainFolded(String query) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String token : VietnameseAnalysis.tokens(index.foldedAnalyzer(), query)) {
            any.add(new TermQuery(new Term(SearchFields.text(SearchFields.SUBJECT), token)), Occur.SHOULD);
            any.add(new TermQuery(new Term(SearchFields.text(SearchFields.BODY), token)), Occur.SHOULD);
        }
        return index.read(searcher -> {
            TopDocs top = searcher.search(any.build(), 10);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(SearchFields.ID));
            }
            return ids;
        });
    }

    /** Adds one query's figures: [count, reciprocal rank, recall]. */
    private static void add(Map<String, double[]> byKind, Judged q, List<String> top) {
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
        double[] sums = byKind.computeIfAbsent(q.kind(), k -> new double[3]);
        sums[0]++;
        sums[1] += reciprocal;
        sums[2] += (double) found / q.relevant().size();
    }

    private static double[] total(Map<String, double[]> byKind) {
        double[] all = new double[3];
        byKind.values().forEach(s -> {
            all[0] += s[0];
            all[1] += s[1];
            all[2] += s[2];
        });
        return all;
    }

    private static String row(String kind, double[] plain, double[] fin) {
        return String.format("%-10s %6d %6.3f / %-6.3f %6.3f / %-6.3f%n", kind, (int) fin[0], plain[1] / plain[0],
                fin[1] / fin[0], plain[2] / plain[0], fin[2] / fin[0]);
    }

    private static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RelevanceTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }
}
