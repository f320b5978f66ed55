package vn.egov.backbone.eoffice.document.api;

/**
 * Types of administrative documents (Nghị định 30/2020/NĐ-CP, Điều 7 and Phụ lục III) with the
 * abbreviation used in the notation: {@code 15/QĐ-UBND}. A công văn has no type abbreviation
 * ({@code 123/UBND-VP}).
 */
public enum DocumentType {
    NGHI_QUYET("Nghị quyết", "NQ"),
    QUYET_DINH("Quyết định", "QĐ"),
    CHI_THI("Chỉ thị", "CT"),
    QUY_CHE("Quy chế", "QC"),
    QUY_DINH("Quy định", "QyĐ"),
    THONG_CAO("Thông cáo", "TC"),
    THONG_BAO("Thông báo", "TB"),
    HUONG_DAN("Hướng dẫn", "HD"),
    CHUONG_TRINH("Chương trình", "CTr"),
    KE_HOACH("Kế hoạch", "KH"),
    PHUONG_AN("Phương án", "PA"),
    DE_AN("Đề án", "ĐA"),
    DU_AN("Dự án", "DA"),
    BAO_CAO("Báo cáo", "BC"),
    BIEN_BAN("Biên bản", "BB"),
    TO_TRINH("Tờ trình", "TTr"),
    HOP_DONG("Hợp đồng", "HĐ"),
    CONG_VAN("Công văn", ""),
    CONG_DIEN("Công điện", "CĐ"),
    BAN_GHI_NHO("Bản ghi nhớ", "BGN"),
    BAN_THOA_THUAN("Bản thỏa thuận", "BTT"),
    GIAY_UY_QUYEN("Giấy ủy quyền", "GUQ"),
    GIAY_MOI("Giấy mời", "GM"),
    GIAY_GIOI_THIEU("Giấy giới thiệu", "GGT"),
    GIAY_NGHI_PHEP("Giấy nghỉ phép", "GNP"),
    PHIEU_GUI("Phiếu gửi", "PG"),
    PHIEU_CHUYEN("Phiếu chuyển", "PC"),
    PHIEU_BAO("Phiếu báo", "PB"),
    THU_CONG("Thư công", "TC");

    private final String label;
    private final String abbreviation;

    DocumentType(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    public String label() {
        return label;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** The notation of an issued document: {@code 15/QĐ-UBND}, or {@code 15/UBND} for a công văn. */
    public String notation(long number, String issuerAbbreviation) {
        return number + "/" + (abbreviation.isEmpty() ? issuerAbbreviation : abbreviation + "-" + issuerAbbreviation);
    }
}
