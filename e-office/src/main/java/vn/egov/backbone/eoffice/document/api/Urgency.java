package vn.egov.backbone.eoffice.document.api;

/** Độ khẩn: Thường, Khẩn, Thượng khẩn, Hỏa tốc. */
public enum Urgency {
    NORMAL, URGENT, VERY_URGENT, FLASH
}
