package vn.egov.backbone.search.index;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.egov.backbone.eoffice.document.api.DocumentNumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Vietnamese text is analysed (see the README, "Search"). Vietnamese words are made of syllables
 * written apart, so ICU's word breaks give one token per syllable (also in decomposed NFD text from
 * word processors: the combining marks stay with their letter); each token is normalised
 * ({@code nfkc_cf}: composes NFD, folds case) and each syllable is indexed in two forms at one position:
 * <ul>
 *   <li>exact: keeps the diacritics, with the old and new tone placement made one spelling
 *       ({@link ToneMarkFilter});</li>
 *   <li>folded: no diacritics and {@code đ} as {@code d}, for the many who type without them.</li>
 * </ul>
 * Queries are analysed with {@link #exact()} or {@link #folded()}, whichever form they look for.
 * Document numbers ({@code 1588/QĐ-TTg}) also get a keyword form, {@link #documentNumber}.
 */
public final class VietnameseAnalysis {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

    /** A dossier's tracking code ({@code HS261122-RFJQMY}), searched like a document number. */
    private static final Pattern TRACKING_CODE = Pattern.compile("(?i)HS\\d{6}-[A-Z0-9]{6,}");

    private VietnameseAnalysis() {
    }

    public static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new ToneMarkFilter(new ICUNormalizer2Filter(tokenizer, NFKC_CF)));
            }
        };
    }

    public static Analyzer folded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                TokenStream folded = new ICUFoldingFilter(tokenizer);
                return new TokenStreamComponents(tokenizer, folded);
            }
        };
    }

    /**
     * The analyzer for writing documents: the exact syllables with their folded forms at the same
     * positions ({@link FoldedFormFilter}), so that one field serves both kinds of query.
     */
    public static Analyzer forIndexing() {
        // per field: the pairs field has its own chain (the default strategy would reuse the first field's)
        return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                if (SearchFields.PAIR_FIELDS.contains(fieldName)) {
                    return new TokenStreamComponents(tokenizer, pairs(new ICUFoldingFilter(tokenizer)));
                }
                return new TokenStreamComponents(tokenizer,
                        new FoldedFormFilter(new ToneMarkFilter(new ICUNormalizer2Filter(tokenizer, NFKC_CF))));
            }

            @Override // between the values of one field (SearchFields.ALL_TEXT): a phrase does not run from one into the next
            public int getPositionIncrementGap(String fieldName) {
                return SearchFields.VALUE_GAP;
            }
        };
    }

    /**
     * Adjacent syllables as one term ({@code quyet dinh}): two syllables that make one Vietnamese word
     * stand next to each other, so a pair found in a subject is a word found, at the cost of a term
     * lookup instead of a phrase check on positions.
     */
    private static TokenStream pairs(TokenStream folded) {
        ShingleFilter pairs = new ShingleFilter(folded, 2, 2);
        pairs.setOutputUnigrams(false);
        return pairs;
    }

    /** The pair term of two folded syllables, as the {@link SearchFields#PAIR_FIELDS} hold them. */
    public static String pair(String first, String second) {
        return first + " " + second;
    }

    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * Whether a query's word is a document number as registration accepts it ({@link DocumentNumber}, one
     * definition for both), or a dossier's tracking code.
     */
    public static boolean looksLikeDocumentNumber(String text) {
        String candidate = text.strip();
        return DocumentNumber.isWellFormed(candidate) || TRACKING_CODE.matcher(candidate).matches();
    }

    /**
     * The keyword form of a document number: case and diacritics folded, {@code Đ} as {@code D}, no
     * spaces, so that {@code 1588/QĐ-TTg}, {@code 1588/qd-ttg} and {@code 1588 / QD-TTG} are one key.
     */
    public static String documentNumber(String number) {
        String normalised = NFKC_CF.normalize(number);
        StringBuilder key = new StringBuilder(normalised.length());
        String decomposed = java.text.Normalizer.normalize(normalised, java.text.Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isWhitespace(c)) {
                continue;
            }
            key.append(c == 'đ' ? 'd' : c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** True when the text has a letter with a diacritic (or đ): the user typed Vietnamese in full. */
    public static boolean hasDiacritics(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == 'đ' || c == 'Đ') {
                return true;
            }
        }
        return false;
    }
}
