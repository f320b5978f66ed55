package vn.egov.backbone.search.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.Map;

/**
 * Brings the old and the new placement of the tone mark to one spelling: {@code hoà} and {@code hòa},
 * {@code thuỷ} and {@code thủy}, {@code khoẻ} and {@code khỏe}. Both are in use (the old one in many
 * legal texts, the new one in school books), and they are different strings, so the exact field would
 * miss one of them. The difference only exists in open syllables ending in oa, oe or uy; {@code qu}
 * is a consonant, so {@code quý} is the same in both styles and is left alone. Expects lower-case
 * NFC input (after {@code nfkc_cf}).
 */
public final class ToneMarkFilter extends TokenFilter {
    /** Old-style endings (tone on the second vowel) and their new-style spelling (tone on the first). */
    private static final Map<String, String> NEW_STYLE = Map.ofEntries(
            Map.entry("oà", "òa"), Map.entry("oá", "óa"), Map.entry("oả", "ỏa"), Map.entry("oã", "õa"), Map.entry("oạ", "ọa"),
            Map.entry("oè", "òe"), Map.entry("oé", "óe"), Map.entry("oẻ", "ỏe"), Map.entry("oẽ", "õe"), Map.entry("oẹ", "ọe"),
            Map.entry("uỳ", "ùy"), Map.entry("uý", "úy"), Map.entry("uỷ", "ủy"), Map.entry("uỹ", "ũy"), Map.entry("uỵ", "ụy"));

    /** The last letters of old-style endings: most syllables end otherwise and need no lookup. */
    private static final String OLD_STYLE_LAST = "àáảãạèéẻẽẹỳýỷỹỵ";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ToneMarkFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (length >= 2 && OLD_STYLE_LAST.indexOf(term.buffer()[length - 1]) >= 0) {
            char[] buffer = term.buffer();
            String ending = new String(buffer, length - 2, 2);
            String replacement = NEW_STYLE.get(ending);
            if (replacement != null && !(buffer[0] == 'q' && ending.charAt(0) == 'u')) {
                buffer[length - 2] = replacement.charAt(0);
                buffer[length - 1] = replacement.charAt(1);
            }
        }
        return true;
    }
}
