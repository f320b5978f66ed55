package vn.egov.backbone.search.query;

import vn.egov.backbone.search.index.VietnameseAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed in the search box, in the only syntax officials already know from web search:
 * {@code "quotes"} for a phrase and a leading {@code -} to exclude a word or a phrase. Everything
 * else is text — there are no operators to get wrong and no syntax errors. A word that looks like a
 * document number ({@code 1588/QĐ-TTg}) is recognised as one.
 */
record UserQuery(List<String> words, List<String> phrases, List<String> numbers, List<String> excludedWords,
                 List<String> excludedPhrases) {
    /** A quoted phrase (an unclosed quote runs to the end) or a run of non-space characters. */
    private static final Pattern PART = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)(\\S+)");

    static UserQuery parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> excludedWords = new ArrayList<>();
        List<String> excludedPhrases = new ArrayList<>();
        Matcher m = PART.matcher(text == null ? "" : text);
        while (m.find()) {
            if (m.group(2) != null) {
                String phrase = m.group(2).strip();
                if (!phrase.isEmpty()) {
                    (m.group(1).isEmpty() ? phrases : excludedPhrases).add(phrase);
                }
            } else {
                boolean excluded = !m.group(3).isEmpty();
                String word = m.group(4);
                if (excluded && word.equals("-")) {
                    continue;
                }
                if (excluded) {
                    (word.contains("/") ? excludedPhrases : excludedWords).add(word);
                } else if (VietnameseAnalysis.looksLikeDocumentNumber(word)) {
                    numbers.add(word);
                } else {
                    words.add(word);
                }
            }
        }
        return new UserQuery(words, phrases, numbers, excludedWords, excludedPhrases);
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && numbers.isEmpty();
    }
}
