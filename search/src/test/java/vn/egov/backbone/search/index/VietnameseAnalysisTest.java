package vn.egov.backbone.search.index;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseAnalysisTest {

    @Test
    void exactFieldKeepsDiacriticsAndMakesOldAndNewTonePlacementOne() {
        var exact = VietnameseAnalysis.exact();
        assertThat(VietnameseAnalysis.tokens(exact, "Hoà giải, THUỶ lợi, khoẻ mạnh"))
                .containsExactly("hòa", "giải", "thủy", "lợi", "khỏe", "mạnh");
        assertThat(VietnameseAnalysis.tokens(exact, "hòa thủy khỏe")).containsExactly("hòa", "thủy", "khỏe");
        // closed syllables and qu- are the same in both styles
        assertThat(VietnameseAnalysis.tokens(exact, "hoàn thành quý")).containsExactly("hoàn", "thành", "quý");
        // the tones stay apart: hòa (peace) is not hóa (chemistry) in the exact field
        assertThat(VietnameseAnalysis.tokens(exact, "hóa")).containsExactly("hóa");
    }

    @Test
    void foldedFieldDropsDiacriticsFoldsDAndAcceptsDecomposedInput() {
        var folded = VietnameseAnalysis.folded();
        String nfd = Normalizer.normalize("Đường Điện Biên Phủ, Đà Nẵng", Normalizer.Form.NFD);
        assertThat(VietnameseAnalysis.tokens(folded, nfd)).containsExactly("duong", "dien", "bien", "phu", "da", "nang");
        assertThat(VietnameseAnalysis.tokens(VietnameseAnalysis.exact(), nfd))
                .containsExactly("đường", "điện", "biên", "phủ", "đà", "nẵng");
    }

    @Test
    void theSubjectIsAlsoIndexedAsPairsOfAdjacentFoldedSyllables() throws java.io.IOException {
        var analyzer = VietnameseAnalysis.forIndexing();
        assertThat(VietnameseAnalysis.tokens(analyzer, "Quyết định")).contains("quyết", "quyet"); // another field first
        List<String> pairs = new java.util.ArrayList<>();
        try (var stream = analyzer.tokenStream(SearchFields.SUBJECT_PAIRS, "Quyết định phê duyệt")) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                pairs.add(term.toString());
            }
            stream.end();
        }
        assertThat(pairs).containsExactly(VietnameseAnalysis.pair("quyet", "dinh"), VietnameseAnalysis.pair("dinh", "phe"),
                VietnameseAnalysis.pair("phe", "duyet"));
    }

    @Test
    void documentNumbersHaveOneKeyInEverySpelling() {
        assertThat(VietnameseAnalysis.documentNumber("1588/QĐ-TTg")).isEqualTo("1588/qd-ttg");
        assertThat(VietnameseAnalysis.documentNumber("1588/qd-ttg")).isEqualTo("1588/qd-ttg");
        assertThat(VietnameseAnalysis.documentNumber(" 1588 / QD-TTG")).isEqualTo("1588/qd-ttg");
        assertThat(VietnameseAnalysis.documentNumber("13/2023/NĐ-CP")).isEqualTo("13/2023/nd-cp");
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("13/2023/NĐ-CP")).isTrue();
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("123/UBND-VP")).isTrue();
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("1234567/UBND-VP")).isTrue();
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("12/2023")).isFalse(); // a month, not a number
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("2021-2030")).isFalse();
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("hs261122-rfjqmy")).isTrue(); // a dossier's tracking code
        assertThat(VietnameseAnalysis.looksLikeDocumentNumber("quyết")).isFalse();
    }
}
