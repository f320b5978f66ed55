package vn.egov.backbone.search.query;

import org.apache.lucene.analysis.Analyzer;
import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The syllables of a query that ask rather than name what is asked about ({@code là}, {@code gì},
 * {@code bao nhiêu}, {@code có … không}), read from {@code question-words.txt}. Typed with diacritics a
 * syllable is compared as typed; typed without, with the folded forms, except those that are also the
 * folded form of a frequent content syllable ({@code bao}: {@code báo}, {@code dau}: {@code đầu}).
 */
final class QuestionWords {
    private final Set<String> exact = new HashSet<>();
    private final Set<String> folded = new HashSet<>();

    QuestionWords(Analyzer exactAnalyzer, Analyzer foldedAnalyzer) {
        Set<String> ambiguous = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                QuestionWords.class.getResourceAsStream("question-words.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("!")) {
                    ambiguous.add(line.substring(1));
                } else {
                    exact.addAll(VietnameseAnalysis.tokens(exactAnalyzer, line));
                    folded.addAll(VietnameseAnalysis.tokens(foldedAnalyzer, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folded.removeAll(ambiguous);
    }

    /**
     * @param typedWithDiacritics whether the query has diacritics anywhere: then every syllable is
     *        compared as typed, since one typed without marks was meant so ({@code cho}, not {@code chợ})
     */
    boolean isQuestionWord(String exactToken, String foldedToken, boolean typedWithDiacritics) {
        return typedWithDiacritics ? exact.contains(exactToken) : folded.contains(foldedToken);
    }
}
