package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.shared.InvalidInput;
import java.time.LocalDate;
import java.util.List;

/**
 * The parts of an edXML package (QCVN 102:2016) that Backbone reads and writes. Names follow the
 * standard's elements; see ../shared/reference/documents-dossiers-edxml.md for the structure.
 */
public final class EdXml {
    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private EdXml() {
    }

    public record Organisation(String organId, String organName) {
    }

    public record Attachment(String contentId, String name, String contentType, byte[] content) {
    }

    /** A document package: MessageHeader with From/To, Code, PromulgationInfo, … and the encoded attachments. */
    public record DocumentPackage(Organisation from, List<Organisation> to, String documentId, String codeNumber,
                                  String codeNotation, String place, LocalDate promulgationDate, int typeCode,
                                  String typeName, String subject, String content, String signerCompetence,
                                  String signerPosition, String signerName, LocalDate dueDate, int priority,
                                  Integer pageAmount, List<String> toPlaces, List<String> appendixes, int steeringType,
                                  int businessDocType,
                                  String businessDocumentId, String businessReason, List<String> replacedDocumentIds,
                                  List<Attachment> attachments) {
        /** BussinessDocType: 0 a new document, 1 a revocation, 2 an update, 3 a replacement (QCVN 102:2016). */
        public static final int NEW = 0;
        public static final int REVOCATION = 1;
        public static final int UPDATE = 2;
        public static final int REPLACEMENT = 3;

        /** The number and notation as officials write it: {@code 7816/VPCP-TTĐT}. */
        public String numberAndNotation() {
            return codeNotation == null || codeNotation.isBlank() ? codeNumber : codeNumber + "/" + codeNotation;
        }
    }

    /** A status package answering a document: 01 arrived … 06 done, 13 recall, 15/16 recall accepted/refused. */
    public record StatusPackage(Organisation from, String responseOrganId, String responseCode,
                                LocalDate responsePromulgationDate, String responseDocumentId, String statusCode,
                                String description, String timestamp, String staffDepartment, String staffName) {
    }

    /** Status codes Backbone produces and consumes. */
    public enum Status {
        ARRIVED("01", "Đã đến"),
        REFUSED("02", "Từ chối tiếp nhận"),
        ACCEPTED("03", "Đã tiếp nhận"),
        AWAITING_ASSIGNMENT("04", "Đã đến, đang chờ phân công"),
        PROCESSING("05", "Đã phân công, đang xử lý"),
        DONE("06", "Đã xử lý xong"),
        RECALL("13", "Thu hồi văn bản"),
        RECALL_ACCEPTED("15", "Đồng ý thu hồi"),
        RECALL_REFUSED("16", "Từ chối thu hồi");

        private final String code;
        private final String description;

        Status(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }

        public static Status ofCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new InvalidInput("StatusCode", ExchangeError.UNKNOWN_STATUS, code);
        }
    }
}
