package vn.egov.backbone.onestop.dossier.api;

/**
 * A dossier's status as the national public-service portal synchronises it (codes 1 to 10), derived
 * from the dossier's events. Reports group "tạm dừng" = 5 + 6 + 8 and "đã xử lý" = 9 + 10 + 7.
 */
public enum DossierStatus {
    NEW(1, "Mới đăng ký"),
    RECEIVED(2, "Được tiếp nhận"),
    REFUSED(3, "Không được tiếp nhận"),
    IN_PROCESS(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    PAYMENT_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESOLVED(9, "Đã xử lý xong"),
    RESULT_RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The status of a portal code (1 to 10). */
    public static DossierStatus of(int code) {
        for (DossierStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No dossier status has the code " + code);
    }

    public boolean closed() {
        return this == REFUSED || this == WITHDRAWN || this == STOPPED || this == RESULT_RETURNED;
    }
}
