package vn.egov.backbone.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.egov.backbone.search.index.SearchFields;
import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link UserQuery} into Lucene queries (the reasoning and the measured effect of each part
 * are in the README, "Search"):
 * <ul>
 *   <li>each syllable matches the folded fields, and also the exact fields with a higher weight when
 *       it was typed with diacritics, so {@code hòa} ranks {@code hòa} above {@code hóa};</li>
 *   <li>most syllables must match (all of one or two, one may miss in three or four, a quarter in
 *       longer queries), so one typo or stray word does not empty the result; when that still finds
 *       (almost) nothing, a syllable of four or more letters may also match at one edit, weighted low;</li>
 *   <li>adjacent syllables found next to each other score extra, which stands in for word
 *       segmentation ({@code quyết định} the word, not two syllables far apart);</li>
 *   <li>a document number matches the number keyword with a high weight (or the number where it is
 *       cited in a text);</li>
 *   <li>quoted phrases must match as phrases, {@code -} excludes.</li>
 * </ul>
 */
final class QueryBuilder {
    /** Field weights: a word in the subject (trích yếu) says more than one in the body. */
    private static final Map<String, Float> WEIGHTS = Map.of(
            SearchFields.SUBJECT, 3f, SearchFields.ISSUER_TEXT, 1.5f, SearchFields.BODY, 1f, SearchFields.ATTACHMENTS, 0.7f);
    private static final float EXACT_WEIGHT = 1.5f;
    private static final float FUZZY_WEIGHT = 0.2f;
    private static final float NUMBER_WEIGHT = 20f;
    private static final float ADJACENT_WEIGHT = 2f;

    private final Analyzer exact;
    private final Analyzer folded;

    QueryBuilder(Analyzer exact, Analyzer folded) {
        this.exact = exact;
        this.folded = folded;
    }

    /**
     * The relevance query over the analysed fields; {@code tolerateTypos} adds one-edit matches, which
     * cost more and are only tried when the exact syllables find (almost) nothing.
     */
    Query build(UserQuery query, boolean tolerateTypos) {
        if (query.isEmpty()) {
            return excluding(new MatchAllDocsQuery(), query);
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<Query> required = new ArrayList<>();
        List<String> wordsText = query.words();
        List<String> foldedTokens = VietnameseAnalysis.tokens(folded, String.join(" ", wordsText));
        List<String> exactTokens = VietnameseAnalysis.tokens(exact, String.join(" ", wordsText));
        boolean aligned = foldedTokens.size() == exactTokens.size();
        for (int i = 0; i < foldedTokens.size(); i++) {
            String exactToken = aligned ? exactTokens.get(i) : null;
            required.add(syllable(foldedTokens.get(i),
                    exactToken != null && VietnameseAnalysis.hasDiacritics(exactToken) ? exactToken : null, tolerateTypos));
        }
        for (String number : query.numbers()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(new Term(SearchFields.NUMBER, VietnameseAnalysis.documentNumber(number))),
                    NUMBER_WEIGHT), Occur.SHOULD);
            either.add(phrase(number, false), Occur.SHOULD);
            required.add(either.build());
        }
        if (!required.isEmpty()) {
            BooleanQuery.Builder core = new BooleanQuery.Builder();
            required.forEach(q -> core.add(q, Occur.SHOULD));
            int n = required.size();
            core.setMinimumNumberShouldMatch(n <= 2 ? n : n - Math.max(1, n / 4));
            top.add(core.build(), Occur.MUST);
        }
        for (String phrase : query.phrases()) {
            top.add(phrase(phrase, VietnameseAnalysis.hasDiacritics(phrase)), Occur.MUST);
        }
        // adjacent pairs in the subject only (indexed as pair terms: no positions to check per document)
        for (int i = 0; i + 1 < foldedTokens.size(); i++) {
            top.add(new BoostQuery(new TermQuery(new Term(SearchFields.SUBJECT_PAIRS,
                    VietnameseAnalysis.pair(foldedTokens.get(i), foldedTokens.get(i + 1)))),
                    ADJACENT_WEIGHT * WEIGHTS.get(SearchFields.SUBJECT)), Occur.SHOULD);
        }
        return excluding(top.build(), query);
    }

    /**
     * The same query on the stored subject and body, in folded terms, for the highlighter: it analyses
     * the stored text with the folding analyzer, so a match without diacritics marks the original words.
     */
    Query forHighlighting(UserQuery query, boolean tolerateTypos) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> parts = new ArrayList<>(query.words());
        for (String token : VietnameseAnalysis.tokens(folded, String.join(" ", parts))) {
            for (String field : List.of(SearchFields.SUBJECT, SearchFields.BODY)) {
                any.add(new TermQuery(new Term(field, token)), Occur.SHOULD);
                if (tolerateTypos && token.length() >= 4) {
                    any.add(new FuzzyQuery(new Term(field, token), 1, 1, 20, true), Occur.SHOULD);
                }
            }
        }
        List<String> phrases = new ArrayList<>(query.phrases());
        phrases.addAll(query.numbers());
        for (String phrase : phrases) {
            String[] tokens = VietnameseAnalysis.tokens(folded, phrase).toArray(String[]::new);
            if (tokens.length > 0) {
                for (String field : List.of(SearchFields.SUBJECT, SearchFields.BODY)) {
                    any.add(new PhraseQuery(field, tokens), Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private Query syllable(String foldedToken, String exactToken, boolean tolerateTypos) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        WEIGHTS.forEach((field, weight) -> {
            any.add(new BoostQuery(new TermQuery(new Term(SearchFields.text(field), foldedToken)), weight), Occur.SHOULD);
            if (exactToken != null) {
                any.add(new BoostQuery(new TermQuery(new Term(SearchFields.text(field), exactToken)), weight * EXACT_WEIGHT),
                        Occur.SHOULD);
            }
        });
        if (tolerateTypos && foldedToken.length() >= 4 && !foldedToken.chars().allMatch(Character::isDigit)) {
            for (String field : List.of(SearchFields.SUBJECT, SearchFields.BODY)) {
                any.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.text(field), foldedToken), 1, 1, 20, true),
                        FUZZY_WEIGHT * WEIGHTS.get(field)), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /** A phrase in any text field (folded), scored higher where it also matches with its diacritics. */
    private Query phrase(String text, boolean withExact) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        String[] foldedTokens = VietnameseAnalysis.tokens(folded, text).toArray(String[]::new);
        String[] exactTokens = VietnameseAnalysis.tokens(exact, text).toArray(String[]::new);
        if (foldedTokens.length == 0) {
            return new MatchAllDocsQuery();
        }
        WEIGHTS.forEach((field, weight) -> {
            any.add(new BoostQuery(new PhraseQuery(SearchFields.text(field), foldedTokens), weight), Occur.SHOULD);
            if (withExact && exactTokens.length > 0) {
                any.add(new BoostQuery(new PhraseQuery(SearchFields.text(field), exactTokens), weight * EXACT_WEIGHT),
                        Occur.SHOULD);
            }
        });
        return any.build();
    }

    private Query excluding(Query positive, UserQuery query) {
        if (query.excludedWords().isEmpty() && query.excludedPhrases().isEmpty()) {
            return positive;
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder().add(positive, Occur.MUST);
        for (String word : query.excludedWords()) {
            result.add(phrase(word, false), Occur.MUST_NOT);
        }
        for (String phrase : query.excludedPhrases()) {
            result.add(phrase(phrase, false), Occur.MUST_NOT);
        }
        return result.build();
    }
}
