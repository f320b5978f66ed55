package vn.egov.backbone.search.query;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetPassagesTest {
    /** The snippets are chosen as Lucene chooses them: the same score, to the bit, for passages of repeated terms. */
    @Test
    void scoresEveryPassageAsLucenesOwnScorerDoes() {
        SplittableRandom random = new SplittableRandom(11);
        PassageScorer lucene = new PassageScorer();
        SnippetPassages ours = new SnippetPassages();
        String[] syllables = {"quy", "dinh", "chuyen", "doi", "so", "xa", "tan", "lap"};
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            int position = start;
            int matches = random.nextInt(12);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 1_000);
            for (int i = 0; i < matches; i++) {
                position += 1 + random.nextInt(60);
                String term = syllables[random.nextInt(syllables.length)];
                // a term's frequency in the document is the same wherever it matches
                passage.addMatch(position, position + term.length(), new BytesRef(term), 1 + Math.floorMod(term.hashCode(), 9));
            }
            passage.setEndOffset(position + 10 + random.nextInt(200));
            int contentLength = passage.getEndOffset() + random.nextInt(20_000);
            assertThat(ours.score(passage, contentLength)).as(passage.toString())
                    .isEqualTo(lucene.score(passage, contentLength));
        }
    }
}
