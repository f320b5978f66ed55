package vn.egov.backbone.onestop.dossier.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What the one-stop desk, the processing agencies and the applicant do with a dossier. */
public final class DossierCommands {
    private DossierCommands() {
    }

    /** How a dossier arrived (KENH_THUC_HIEN: 1 at the desk, 2 online, 3 by public post). */
    public enum Channel { DESK, ONLINE, POST }

    /** What the applicant typed; shown only to officials working on the dossier. */
    public record Applicant(String name, String idNumber, String address, String phone, String email) {
    }

    /** The procedure version the dossier is received under (it keeps it if the catalogue changes). */
    public record ProcedureTerms(String code, int version, String name, String competentAgencyId, int processingDays,
                                 long feeVnd, boolean fullyOnline) {
    }

    /**
     * How sure Backbone is of who the applicant is. {@code VNEID}: they signed in through the national
     * identity provider ({@code issuer}: its address), whose ID token carried the identity number and name;
     * {@code UNVERIFIED}: typed by the applicant or the desk, nobody checked it. The provider's own id of the
     * person is not kept: it would outlive the erasure of the applicant's data.
     */
    public record Identity(Verification verification, String issuer) {
        public enum Verification { UNVERIFIED, VNEID }

        public static final Identity UNVERIFIED = new Identity(Verification.UNVERIFIED, null);

        public boolean verified() {
            return verification == Verification.VNEID;
        }
    }

    /** What the applicant agreed to be told about the dossier on: e-mail, and the phone (Zalo, SMS as fallback). */
    public record Consent(boolean email, boolean phone) {
        public static final Consent NONE = new Consent(false, false);
    }

    public record SubmitDossier(String dossierId, String trackingCode, ProcedureTerms procedure, Channel channel,
                                Applicant applicant, int components, String filedAtUnitId, Identity identity,
                                Consent consent) {
        public SubmitDossier(String dossierId, String trackingCode, ProcedureTerms procedure, Channel channel,
                             Applicant applicant, int components, String filedAtUnitId) {
            this(dossierId, trackingCode, procedure, channel, applicant, components, filedAtUnitId, Identity.UNVERIFIED,
                    Consent.NONE);
        }
    }

    /** @param digitisedComponents components scanned at reception; {@code reusedComponents} taken from earlier dossiers */
    public record ReceiveDossier(@TargetAggregateIdentifier String dossierId, int digitisedComponents,
                                 int reusedComponents) {
    }

    public record RefuseDossier(@TargetAggregateIdentifier String dossierId, String reason) {
    }

    public record RequestSupplement(@TargetAggregateIdentifier String dossierId, String reason) {
    }

    /**
     * A file the applicant supplied, stored by its content (SHA-256) with the dossier's files.
     *
     * @param name a name Backbone gives it ({@code bo-sung-1.pdf}): the applicant's own file names often name them
     */
    public record SuppliedFile(String sha256, String name, String contentType, long size) {
    }

    /**
     * The applicant answers a supplement request online, with files and a note; the desk then checks them and
     * receives the supplement ({@link ReceiveSupplement}), which restarts the clock.
     */
    public record ProvideSupplement(@TargetAggregateIdentifier String dossierId, String note, java.util.List<SuppliedFile> files) {
    }

    public record ReceiveSupplement(@TargetAggregateIdentifier String dossierId) {
    }

    /** A step of the processing at an agency (liên thông: one step per agency), with its share of the days. */
    public record StartStep(@TargetAggregateIdentifier String dossierId, String stepId, String agencyId, String task,
                            int days) {
    }

    public record CompleteStep(@TargetAggregateIdentifier String dossierId, String stepId, String note) {
    }

    public record RequestPayment(@TargetAggregateIdentifier String dossierId, long amountVnd, String purpose) {
    }

    public enum PaymentMethod { ONLINE, CASH }

    public record RecordPayment(@TargetAggregateIdentifier String dossierId, PaymentMethod method) {
    }

    public record StopProcessing(@TargetAggregateIdentifier String dossierId, String reason) {
    }

    public record WithdrawDossier(@TargetAggregateIdentifier String dossierId, String reason) {
    }

    /** The applicant's personal data erased, on a lawful request or when its purpose ended (Luật 91/2025/QH15). */
    public record ErasePersonalData(@TargetAggregateIdentifier String dossierId, String legalBasis) {
    }

    public record ResolveDossier(@TargetAggregateIdentifier String dossierId, boolean resultDigitised) {
    }

    public record ReturnResult(@TargetAggregateIdentifier String dossierId) {
    }

    /** A late dossier: an apology letter with a new appointment (Văn bản xin lỗi và đề nghị gia hạn). */
    public record IssueApology(@TargetAggregateIdentifier String dossierId, String reason, int extraDays) {
    }

    public record RateSatisfaction(@TargetAggregateIdentifier String dossierId, int score) {
    }
}
