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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Turns a {@link UserQuery} into Lucene queries (the reasoning and the measured effect of each part
 * are in the README, "Search: relevance"):
 * <ul>
 *   <li>each content syllable is scored over subject, issuer, body and attachment text as one field
 *       ({@link TextFields}), in its folded form and, when typed with diacritics, in its exact
 *       form as well, so {@code hòa} ranks {@code hòa} above {@code hóa};</li>
 *   <li>question and function words ({@code là}, {@code bao nhiêu}, {@code như thế nào}: the list
 *       {@code question-words.txt}) count with a low weight and are never required;</li>
 *   <li>most content syllables must match when there are few ({@link #mustMatch}); a long question
 *       needs only a third of them, and the ranking decides; when that still finds (almost) nothing,
 *       a syllable of four or more letters may also match at one edit, weighted low;</li>
 *   <li>in a long query, a syllable found in more than a fifth of the records ({@link #COMMON_SHARE}) counts
 *       towards the minimum but cannot make a match alone: at least one of the rarer syllables must be there,
 *       or, where the query has only one or two, three quarters of its content syllables;</li>
 *   <li>adjacent syllables found next to each other, in the subject or in the text, score extra,
 *       which stands in for word segmentation ({@code quyết định} the word, not two syllables far
 *       apart) — added to the best records of the first ranking ({@link #adjacency});</li>
 *   <li>a document number matches the number keyword with a high weight (or the number where it is
 *       cited in a text);</li>
 *   <li>quoted phrases must match as phrases, {@code -} excludes.</li>
 * </ul>
 */
final class QueryBuilder {
    private static final float EXACT_WEIGHT = 1.5f;
    private static final float FUZZY_WEIGHT = 0.2f;
    /**
     * At most this many syllables of a query are also matched at one edit, the first of four letters or more. Each
     * costs up to forty terms (twenty in each of two fields); every syllable of 500 characters of mangled words, as
     * a script may send, took 1.0–1.7 s at 300,000 documents (README, "Search"). Chosen without looking at the
     * index: which syllables no record holds would tell whether a hidden record holds one.
     */
    static final int MOST_MISTYPED = 4;
    private static final float NUMBER_WEIGHT = 20f;
    /**
     * Adjacent syllables of the query found together, in the subject or in the text. Chosen on the
     * tuning half of the question collection (README, "Search: relevance"): heavier pairs pulled records
     * whose subject repeats two of the question's syllables above the clause that answers it.
     */
    private static final float ADJACENT_WEIGHT = 0.5f;
    /**
     * A syllable found in more than this share of the records ({@code quy}, {@code định}, {@code tỉnh} in most
     * collections) is common: a long query's record must hold at least one of its other syllables as well, or a
     * record holding only a question's common syllables matches — and is scored; at 300,000 documents, most of
     * them for a question of thirty syllables. Chosen on the tuning half of the question collection: 0.1 lost
     * answers there (MRR@10 0.879 → 0.871), 0.15, 0.2 and 0.3 ranked as without the rule (README, "Search").
     */
    static final double COMMON_SHARE = 0.2;
    /**
     * When a long query has at most this many distinctive (not common) syllables, a record holding none of them
     * still matches if it holds {@link #MOST_OF_THEM} of the content syllables: the match would otherwise hinge on
     * one or two words, and an answer that says them otherwise ("y tế" for "bệnh viện") was filtered out before it
     * was ranked (README, "Search", *Whole articles*; twenty-eighth session).
     */
    private static final int FEW_DISTINCTIVE = 2;
    /** Three quarters (rounded up) of a long query's content syllables. */
    private static final double MOST_OF_THEM = 0.75;
    /** Up to this many syllables a query is keywords: every content syllable counts towards its minimum match. */
    private static final int SHORT_QUERY = 4;
    /** A question word ({@code là}, {@code bao nhiêu}) says little about which record answers. */
    private static final float QUESTION_WORD_WEIGHT = 0.2f;

    private final Analyzer exact;
    private final Analyzer folded;
    private final QuestionWords questionWords;

    QueryBuilder(Analyzer exact, Analyzer folded) {
        this.exact = exact;
        this.folded = folded;
        this.questionWords = new QuestionWords(exact, folded);
    }

    /**
     * The relevance query over the analysed fields; {@code mistyped} ({@link #mistyped}) adds one-edit matches of
     * those syllables, which cost more and are only tried when the exact syllables find (almost) nothing.
     */
    Query build(UserQuery query, Set<String> mistyped, ToDoubleFunction<String> share, TextFields fields) {
        if (query.isEmpty()) {
            return excluding(new MatchAllDocsQuery(), query, fields);
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<Query> content = new ArrayList<>();
        List<String> contentTokens = new ArrayList<>();
        String words = String.join(" ", query.words());
        List<String> foldedTokens = VietnameseAnalysis.tokens(folded, words);
        List<String> exactTokens = VietnameseAnalysis.tokens(exact, words);
        boolean aligned = foldedTokens.size() == exactTokens.size();
        boolean typedWithDiacritics = aligned && VietnameseAnalysis.hasDiacritics(words);
        Set<String> triedAtOneEdit = new HashSet<>(); // a syllable the query repeats, once
        for (int i = 0; i < foldedTokens.size(); i++) {
            String exactToken = aligned ? exactTokens.get(i) : null;
            Query syllable = syllable(foldedTokens.get(i),
                    exactToken != null && VietnameseAnalysis.hasDiacritics(exactToken) ? exactToken : null,
                    mistyped.contains(foldedTokens.get(i)) && triedAtOneEdit.add(foldedTokens.get(i)), fields);
            if (questionWords.isQuestionWord(exactToken, foldedTokens.get(i), typedWithDiacritics)) {
                top.add(new BoostQuery(syllable, QUESTION_WORD_WEIGHT), Occur.SHOULD);
            } else {
                content.add(syllable);
                contentTokens.add(foldedTokens.get(i));
            }
        }
        for (String number : query.numbers()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(new Term(SearchFields.NUMBER, VietnameseAnalysis.documentNumber(number))),
                    NUMBER_WEIGHT), Occur.SHOULD);
            either.add(phrase(number, false, fields), Occur.SHOULD);
            content.add(either.build());
        }
        if (!content.isEmpty()) {
            BooleanQuery.Builder core = new BooleanQuery.Builder();
            content.forEach(q -> core.add(q, Occur.SHOULD));
            core.setMinimumNumberShouldMatch(mustMatch(content.size()));
            top.add(core.build(), Occur.MUST);
            if (content.size() > SHORT_QUERY) {
                Query distinctive = distinctive(content, contentTokens, share);
                if (distinctive != null) {
                    top.add(distinctive, Occur.FILTER);
                }
            }
        } else if (!query.words().isEmpty() && query.phrases().isEmpty()) {
            // only question words ("là gì"): at least one of them
            top.setMinimumNumberShouldMatch(1);
        }
        for (String phrase : query.phrases()) {
            top.add(phrase(phrase, VietnameseAnalysis.hasDiacritics(phrase), fields), Occur.MUST);
        }
        return excluding(top.build(), query, fields);
    }

    /**
     * A long question's common syllables alone do not make a match: at least one of its distinctive ones (or a
     * number, which follows the syllables in {@code content}) must be there — or, where there are only
     * {@link #FEW_DISTINCTIVE}, most of the content syllables. The shares are looked up only here, for long queries:
     * a keyword query pays nothing for the rule. Null when every syllable is common, or none is.
     */
    private static Query distinctive(List<Query> content, List<String> contentTokens, ToDoubleFunction<String> share) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int common = 0;
        for (int i = 0; i < content.size(); i++) {
            if (i < contentTokens.size() && share.applyAsDouble(contentTokens.get(i)) > COMMON_SHARE) {
                common++;
            } else {
                any.add(content.get(i), Occur.SHOULD);
            }
        }
        if (common == 0 || common == content.size()) {
            return null;
        }
        if (content.size() - common <= FEW_DISTINCTIVE) {
            BooleanQuery.Builder most = new BooleanQuery.Builder();
            content.forEach(syllable -> most.add(syllable, Occur.SHOULD));
            most.setMinimumNumberShouldMatch((int) Math.ceil(content.size() * MOST_OF_THEM)); // above a long query's minimum
            any.add(most.build(), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * The score adjacent syllables add: each pair of the query's syllables (not two question words) found next
     * to each other in the subject or in the text — a word of two syllables, where the question has one. It
     * changes no record's match, only the order, so it is scored on the first ranking's best records only
     * ({@link SearchQueries}): as clauses of the main query it cost a clause per pair on every matching record.
     * Null when the query has no such pair.
     */
    Query adjacency(UserQuery query) {
        String words = String.join(" ", query.words());
        List<String> foldedTokens = VietnameseAnalysis.tokens(folded, words);
        List<String> exactTokens = VietnameseAnalysis.tokens(exact, words);
        boolean aligned = foldedTokens.size() == exactTokens.size();
        boolean typedWithDiacritics = aligned && VietnameseAnalysis.hasDiacritics(words);
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        boolean any = false;
        for (int i = 0; i + 1 < foldedTokens.size(); i++) {
            if (questionWords.isQuestionWord(aligned ? exactTokens.get(i) : null, foldedTokens.get(i), typedWithDiacritics)
                    && questionWords.isQuestionWord(aligned ? exactTokens.get(i + 1) : null, foldedTokens.get(i + 1),
                    typedWithDiacritics)) {
                continue;
            }
            String pair = VietnameseAnalysis.pair(foldedTokens.get(i), foldedTokens.get(i + 1));
            pairs.add(new BoostQuery(new TermQuery(new Term(SearchFields.SUBJECT_PAIRS, pair)), ADJACENT_WEIGHT), Occur.SHOULD);
            pairs.add(new BoostQuery(new TermQuery(new Term(SearchFields.TEXT_PAIRS, pair)), ADJACENT_WEIGHT), Occur.SHOULD);
            any = true;
        }
        return any ? pairs.build() : null;
    }

    /**
     * How many of a query's content syllables a record must contain: all of one or two, all but one of
     * three or four, then a third (at least two). A question of twenty syllables names its subject in a
     * few of them and paraphrases the rest, so a stricter share filters the answer out before it is
     * ranked (63 of the 105 misses the issue measured); past four syllables the share only gathers
     * candidates and the ranking decides. On the tuning half a half, a third and a quarter ranked alike;
     * the third was kept for its recall.
     */
    static int mustMatch(int contentSyllables) {
        if (contentSyllables <= 2) {
            return contentSyllables;
        }
        if (contentSyllables <= 4) {
            return contentSyllables - 1;
        }
        return Math.max(2, (contentSyllables + 2) / 3);
    }

    /**
     * The same query on the stored subject and body, in folded terms, for the highlighter: it analyses
     * the stored text with the folding analyzer, so a match without diacritics marks the original words.
     */
    Query forHighlighting(UserQuery query, Set<String> mistyped) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> parts = new ArrayList<>(query.words());
        for (String token : VietnameseAnalysis.tokens(folded, String.join(" ", parts))) {
            for (String field : List.of(SearchFields.SUBJECT, SearchFields.BODY)) {
                any.add(new TermQuery(new Term(field, token)), Occur.SHOULD);
                if (mistyped.contains(token)) {
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

    /**
     * The folded syllables of a query that are also matched at one edit when it finds (almost) nothing: the first
     * {@link #MOST_MISTYPED} of four letters or more that are not numbers (a shorter syllable is a word at one
     * edit of too many others).
     */
    Set<String> mistyped(UserQuery query) {
        Set<String> mistyped = new LinkedHashSet<>();
        for (String token : VietnameseAnalysis.tokens(folded, String.join(" ", query.words()))) {
            if (mistyped.size() < MOST_MISTYPED && token.length() >= 4 && !token.chars().allMatch(Character::isDigit)) {
                mistyped.add(token);
            }
        }
        return mistyped;
    }

    /**
     * One syllable in the text of the whole record ({@link TextFields#syllable}), and, if it may be mistyped, at one
     * edit, weighted low.
     */
    private static Query syllable(String foldedToken, String exactToken, boolean mistyped, TextFields fields) {
        Query forms = fields.syllable(foldedToken, exactToken);
        if (!mistyped) {
            return forms;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(forms, Occur.SHOULD);
        fields.weighted().forEach((field, weight) -> any.add(
                new BoostQuery(new FuzzyQuery(new Term(field, foldedToken), 1, 1, 20, true), FUZZY_WEIGHT * weight),
                Occur.SHOULD));
        return any.build();
    }

    /** A phrase in any text field (folded), scored higher where it also matches with its diacritics. */
    private Query phrase(String text, boolean withExact, TextFields fields) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        String[] foldedTokens = VietnameseAnalysis.tokens(folded, text).toArray(String[]::new);
        String[] exactTokens = VietnameseAnalysis.tokens(exact, text).toArray(String[]::new);
        if (foldedTokens.length == 0) {
            return new MatchAllDocsQuery();
        }
        fields.weighted().forEach((field, weight) -> {
            any.add(new BoostQuery(new PhraseQuery(field, foldedTokens), weight), Occur.SHOULD);
            if (withExact && exactTokens.length > 0) {
                any.add(new BoostQuery(new PhraseQuery(field, exactTokens), weight * EXACT_WEIGHT),
                        Occur.SHOULD);
            }
        });
        return any.build();
    }

    private Query excluding(Query positive, UserQuery query, TextFields fields) {
        if (query.excludedWords().isEmpty() && query.excludedPhrases().isEmpty()) {
            return positive;
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder().add(positive, Occur.MUST);
        for (String word : query.excludedWords()) {
            result.add(phrase(word, false, fields), Occur.MUST_NOT);
        }
        for (String phrase : query.excludedPhrases()) {
            result.add(phrase(phrase, false, fields), Occur.MUST_NOT);
        }
        return result.build();
    }
}
