package vn.egov.backbone.eoffice.document.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Số và ký hiệu as NĐ 30/2020 writes them, and what is not one. */
class DocumentNumberTest {
    @Test
    void numbersAsAgenciesWriteThem() {
        for (String number : new String[]{"1588/QĐ-TTg", "13/2023/NĐ-CP", "45/BC", "1234567/UBND-VP", "12/KH-UBND.VP",
                "7/TTr-SNV"}) {
            assertThat(DocumentNumber.isWellFormed(number)).as(number).isTrue();
        }
    }

    @Test
    void notNumbers() {
        for (String number : new String[]{"", "QĐ-TTg", "12345678/UBND", "12/2023", "2021-2030", "12/", "/QĐ", "12 QĐ",
                "12/-QĐ", "12/QĐ " + "X".repeat(61)}) {
            assertThat(DocumentNumber.isWellFormed(number)).as(number).isFalse();
        }
    }

    @Test
    void spacesAroundTheSlashAreDropped() {
        assertThat(DocumentNumber.normalise(" 12 / QĐ-UBND ")).isEqualTo("12/QĐ-UBND");
        assertThat(DocumentNumber.normalise(null)).isEmpty();
    }
}
