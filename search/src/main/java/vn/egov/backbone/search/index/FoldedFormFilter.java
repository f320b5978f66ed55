package vn.egov.backbone.search.index;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * After each syllable with diacritics, emits its folded form at the same position ({@code quyết},
 * then {@code quyet}). One field then answers both the exact and the folded query, and the text is
 * tokenised once instead of twice: ICU's word breaking is the dearest step of the analysis. A query
 * term typed with diacritics can only match the exact forms; one without can match the folded forms
 * (and exact forms that have no diacritics, which are their own folded forms).
 */
final class FoldedFormFilter extends TokenFilter {
    private static final Normalizer2 FOLDING = ICUFoldingFilter.NORMALIZER;
    /**
     * ICU's folding of each BMP character that folds to exactly one character (0 where it does not):
     * Vietnamese text is NFC here, so a syllable folds letter by letter, without a string per token.
     */
    private static final char[] ONE_TO_ONE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String folded = FOLDING.normalize(String.valueOf((char) c));
            ONE_TO_ONE[c] = folded.length() == 1 ? folded.charAt(0) : 0;
        }
    }

    private final char[] buffer = new char[64];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private String folded;

    FoldedFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (folded != null) {
            // the other attributes (offsets, type) still hold the exact form's values: same place in the text
            term.setEmpty().append(folded);
            position.setPositionIncrement(0);
            folded = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        folded = fold();
        return true;
    }

    /** The folded form if it differs from the term, else null. */
    private String fold() {
        int length = term.length();
        char[] chars = term.buffer();
        if (length > buffer.length) {
            String form = FOLDING.normalize(term);
            return form.contentEquals(term) ? null : form;
        }
        boolean differs = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            char f = ONE_TO_ONE[c];
            if (f == 0) {
                String form = FOLDING.normalize(term);
                return form.contentEquals(term) ? null : form;
            }
            buffer[i] = f;
            differs |= f != c;
        }
        return differs ? new String(buffer, 0, length) : null;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        folded = null;
    }
}
