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
 * Natural-language questions against public legal text that Backbone's analysis was not written for:
 * {@code src/test/resources/relevance/legal} (its README says where the text comes from and how the
 * questions were judged). Each question is asked as typed with diacritics and as typed without them.
 * The odd-numbered questions are the half the ranking was tuned on; the even-numbered half is the one
 * reported and asserted — never tuned on.
 */
class QuestionRelevanceTest {
    /** Floors on the held-out half, recorded in the README ("Search: relevance"); raise them when the figures improve. */
    static final double MRR_FLOOR = 0.83;
    static final double RECALL_FLOOR = 0.99;

    @TempDir
    static Path dir;
    static JudgedCollection collection;

    @BeforeAll
    static void indexCollection() throws IOException {
        collection = new JudgedCollection(dir, "relevance/legal/passages.tsv");
    }

    @AfterAll
    static void close() throws IOException {
        collection.close();
    }

    @Test
    void questionsRankTheAnsweringPassageAboveThePlainBaselineOnTheHeldOutHalf() {
        List<Judged> tuning = new ArrayList<>();
        List<Judged> heldOut = new ArrayList<>();
        for (String[] q : JudgedCollection.rows("relevance/legal/questions.tsv")) {
            int number = Integer.parseInt(q[0].substring(1));
            Set<String> relevant = Set.of(q[1].split(" "));
            List<Judged> half = number % 2 == 1 ? tuning : heldOut;
            half.add(new Judged(q[0], "diacritics", q[2], relevant));
            half.add(new Judged(q[0], "no-diacritics", q[3], relevant));
        }
        assertThat(tuning.size() + heldOut.size()).as("at least 200 questions, each typed two ways").isGreaterThanOrEqualTo(400);

        Map<String, Figures> plainTuning = JudgedCollection.measure(tuning, collection::plain, null);
        Map<String, Figures> pairsTuning = JudgedCollection.measure(tuning, collection::plainWithPairs, null);
        Map<String, Figures> backboneTuning = JudgedCollection.measure(tuning, collection::backbone, null);
        List<String> misses = new ArrayList<>();
        Map<String, Figures> plain = JudgedCollection.measure(heldOut, collection::plain, null);
        Map<String, Figures> pairs = JudgedCollection.measure(heldOut, collection::plainWithPairs, null);
        Map<String, Figures> backbone = JudgedCollection.measure(heldOut, collection::backbone, misses);
        String report = JudgedCollection.report("Tuning half (odd questions)", plainTuning, pairsTuning, backboneTuning)
                + JudgedCollection.report("Held-out half (even questions)", plain, pairs, backbone);
        System.out.println(report);
        System.out.println("Held-out questions whose first hit does not answer them: " + misses);

        for (String kind : List.of("diacritics", "no-diacritics")) {
            assertThat(backbone.get(kind).mrr()).as(kind + ": MRR@10 not below the plain baseline\n" + report)
                    .isGreaterThanOrEqualTo(plain.get(kind).mrr());
            assertThat(backbone.get(kind).recallAt10()).as(kind + ": recall@10 not below the plain baseline\n" + report)
                    .isGreaterThanOrEqualTo(plain.get(kind).recallAt10());
            assertThat(backbone.get(kind).mrr()).as(kind + ": MRR@10 not below plain BM25 with pairs\n" + report)
                    .isGreaterThanOrEqualTo(pairs.get(kind).mrr());
            assertThat(backbone.get(kind).recallAt10()).as(kind + ": recall@10 not below plain BM25 with pairs\n" + report)
                    .isGreaterThanOrEqualTo(pairs.get(kind).recallAt10());
            assertThat(backbone.get(kind).mrr()).as(kind + ": MRR@10 floor\n" + report).isGreaterThanOrEqualTo(MRR_FLOOR);
            assertThat(backbone.get(kind).recallAt10()).as(kind + ": recall@10 floor\n" + report)
                    .isGreaterThanOrEqualTo(RECALL_FLOOR);
        }
    }
}
