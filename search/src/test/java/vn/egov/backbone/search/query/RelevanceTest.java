package vn.egov.backbone.search.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.search.query.JudgedCollection.Figures;
import vn.egov.backbone.search.query.JudgedCollection.Judged;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance on the judged collection in {@code src/test/resources/relevance}: 160 documents of a
 * provincial government and 70 queries as officials type them (with and without diacritics, numbers,
 * phrases, typos, old tone placement). Reports MRR@10 and recall@10 for Backbone next to the two plain
 * folded baselines of {@link JudgedCollection}, and fails if Backbone falls below either or below the
 * floors the README records.
 */
class RelevanceTest {
    /** The floors recorded in the README ("Search: relevance"); raise them when the figures improve. */
    static final double MRR_FLOOR = 0.97;
    static final double RECALL_FLOOR = 0.95;

    @TempDir
    static Path dir;
    static JudgedCollection collection;

    @BeforeAll
    static void indexCollection() throws IOException {
        collection = new JudgedCollection(dir, "relevance/documents.tsv");
    }

    @AfterAll
    static void close() throws IOException {
        collection.close();
    }

    @Test
    void backboneMeetsTheRecordedLevelsAndBeatsThePlainBaseline() {
        List<Judged> queries = new ArrayList<>();
        for (String[] q : JudgedCollection.rows("relevance/queries.tsv")) {
            queries.add(new Judged(q[0], q[1], q[2], Set.of(q[3].split(" "))));
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(60);

        List<String> misses = new ArrayList<>();
        Map<String, Figures> plain = JudgedCollection.measure(queries, collection::plain, null);
        Map<String, Figures> pairs = JudgedCollection.measure(queries, collection::plainWithPairs, null);
        Map<String, Figures> backbone = JudgedCollection.measure(queries, collection::backbone, misses);
        String report = JudgedCollection.report("Officials' queries", plain, pairs, backbone);
        System.out.println(report);
        System.out.println("First hit not relevant: " + misses);

        Figures all = backbone.get("all");
        assertThat(all.mrr()).as("MRR@10 floor\n" + report).isGreaterThanOrEqualTo(MRR_FLOOR);
        assertThat(all.recallAt10()).as("recall@10 floor\n" + report).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(all.mrr()).as("MRR@10 above the plain baseline\n" + report).isGreaterThan(plain.get("all").mrr());
        assertThat(all.recallAt10()).as("recall@10 not below the plain baseline\n" + report)
                .isGreaterThanOrEqualTo(plain.get("all").recallAt10());
        assertThat(all.mrr()).as("MRR@10 above plain BM25 with pairs\n" + report).isGreaterThan(pairs.get("all").mrr());
        assertThat(all.recallAt10()).as("recall@10 not below plain BM25 with pairs\n" + report)
                .isGreaterThanOrEqualTo(pairs.get("all").recallAt10());
    }
}
