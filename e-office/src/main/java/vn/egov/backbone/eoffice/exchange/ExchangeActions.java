package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.Agencies;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.DocumentQueries;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.exchange.EdXml.Attachment;
import vn.egov.backbone.eoffice.exchange.EdXml.DocumentPackage;
import vn.egov.backbone.eoffice.exchange.EdXml.Organisation;
import vn.egov.backbone.eoffice.exchange.EdXml.Status;
import vn.egov.backbone.eoffice.exchange.EdXml.StatusPackage;
import vn.egov.backbone.eoffice.exchange.ExchangeLog.Kind;
import vn.egov.backbone.eoffice.exchange.ExchangeLog.Outcome;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler.Registration;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ReceiveEdXmlDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.MarkReplacedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.UpdateFromSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.SenderDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.WithdrawReceivedDocument;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.RecordExternalStatus;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Document exchange in edXML (QCVN 102:2016): importing document and status packages, exporting
 * issued documents. An agency's {@code OrganId} is its unit code. Every package, accepted or
 * refused, goes into the {@link ExchangeLog}; a refused one registers nothing.
 */
@Service
public class ExchangeActions {
    /** Inflated attachments of one package may not exceed this (the package itself is limited by the API). */
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

    private final DocumentActions actions;
    private final DocumentQueries queries;
    private final Authorizer authorizer;
    private final Agencies agencies;
    private final UnitQueries units;
    private final AttachmentStore attachments;
    private final Commands commands;
    private final ExchangeLog log;
    private final ErrorMessages errorMessages;
    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    ExchangeActions(DocumentActions actions, DocumentQueries queries, Authorizer authorizer, Agencies agencies,
                  UnitQueries units, AttachmentStore attachments, Commands commands, ExchangeLog log,
                  ErrorMessages errorMessages) {
        this.errorMessages = errorMessages;
        this.actions = actions;
        this.queries = queries;
        this.authorizer = authorizer;
        this.agencies = agencies;
        this.units = units;
        this.attachments = attachments;
        this.commands = commands;
        this.log = log;
    }

    public record ImportResult(String kind, String documentId, Long registerNumber, String statusCode, String logId) {
    }

    /** Imports a package received for the acting agency (the records clerk's). */
    public ImportResult importPackage(byte[] bytes, String agencyId) {
        UnitView agency = actions.actingAgency(agencyId);
        authorizer.require(Role.RECORDS_CLERK, agency.id());
        String me = Authorizer.currentPrincipal().officialId();
        Kind kind = Kind.UNKNOWN;
        String edxmlId = null;
        String from = null;
        try {
            Document xml = EdXmlReader.parse(bytes);
            EdXmlReader.Sender sender = EdXmlReader.sender(xml);
            from = sender.organId();
            edxmlId = sender.documentId();
            if (EdXmlReader.isStatus(xml)) {
                kind = Kind.STATUS;
                StatusPackage status = EdXmlReader.status(xml);
                edxmlId = status.responseDocumentId();
                return consumeStatus(bytes, status, agency, me);
            }
            kind = Kind.DOCUMENT;
            DocumentPackage received = EdXmlReader.document(xml);
            edxmlId = received.documentId();
            return receiveDocument(bytes, received, agency, me);
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound e) {
            // the reason as the agency's clerks read it in the log, in Vietnamese
            log.record(agency.id(), from, ExchangeLog.Direction.IN, kind, Outcome.REFUSED, bytes, null, edxmlId, null,
                    e instanceof CodedError coded ? errorMessages.describe(coded, VIETNAMESE)
                            : errorMessages.describe(ExchangeError.INVALID_PACKAGE, new Object[]{e.getMessage()}, VIETNAMESE), me);
            throw e;
        }
    }

    /**
     * A package fetched from the national document axis, received by the system for the agency it concerns: a
     * document for each of our units in its To, an answer (status) for the agency whose document it answers,
     * a recall for the agency that received the recalled document. One that concerns none of ours, or cannot be
     * read, or is hostile, is logged as refused (the reason in Vietnamese) and the refusal is thrown. Either way the
     * log entry keeps the axis' id, so a package the axis delivers again is recognised.
     */
    public ImportResult receiveFromAxis(byte[] bytes, String axisId) {
        String system = vn.egov.backbone.core.eventing.ActingMetadata.SYSTEM;
        Kind kind = Kind.UNKNOWN;
        String edxmlId = null;
        String from = null;
        UnitView agency = null;
        try {
            Document xml = EdXmlReader.parse(bytes);
            EdXmlReader.Sender sender = EdXmlReader.sender(xml);
            from = sender.organId();
            edxmlId = sender.documentId();
            ImportResult result;
            if (EdXmlReader.isStatus(xml)) {
                kind = Kind.STATUS;
                StatusPackage status = EdXmlReader.status(xml);
                edxmlId = status.responseDocumentId();
                agency = answeredAgency(status);
                result = consumeStatus(bytes, status, agency, system);
            } else {
                kind = Kind.DOCUMENT;
                DocumentPackage received = EdXmlReader.document(xml);
                edxmlId = received.documentId();
                List<UnitView> addressed = received.to().stream()
                        .flatMap(to -> units.list(false).stream().filter(u -> u.isAddressedAs(to.organId())))
                        .distinct().toList();
                if (addressed.isEmpty()) {
                    throw new InvalidPackage("To: " + received.to().stream().map(Organisation::organId).toList()
                            + " names none of this system's units");
                }
                // one package for several of our agencies (a ministry writing to several provincial departments):
                // each registers its own copy; all but the last are received here, the last as any package is
                for (UnitView other : addressed.subList(0, addressed.size() - 1)) {
                    receiveOneOf(bytes, received, other, axisId, from, system);
                }
                agency = addressed.getLast();
                result = receiveDocument(bytes, received, agency, system);
            }
            log.fetchedFromAxis(result.logId(), axisId);
            return result;
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound e) {
            ExchangeLog.Entry refused = log.record(agency == null ? null : agency.id(), from, ExchangeLog.Direction.IN, kind,
                    Outcome.REFUSED, bytes, null, edxmlId, null, e instanceof CodedError coded
                            ? errorMessages.describe(coded, VIETNAMESE)
                            : errorMessages.describe(ExchangeError.INVALID_PACKAGE, new Object[]{e.getMessage()}, VIETNAMESE),
                    system);
            log.fetchedFromAxis(refused.id(), axisId);
            throw e;
        }
    }

    /** One addressee's copy of a package for several of our agencies; its refusal is logged for it and stops no other. */
    private void receiveOneOf(byte[] bytes, DocumentPackage received, UnitView agency, String axisId, String from,
                              String system) {
        try {
            log.fetchedFromAxis(receiveDocument(bytes, received, agency, system).logId(), axisId);
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound e) {
            log.fetchedFromAxis(log.record(agency.id(), from, ExchangeLog.Direction.IN, Kind.DOCUMENT, Outcome.REFUSED, bytes,
                    null, received.documentId(), null, e instanceof CodedError coded ? errorMessages.describe(coded, VIETNAMESE)
                            : errorMessages.describe(ExchangeError.INVALID_PACKAGE, new Object[]{e.getMessage()}, VIETNAMESE),
                    system).id(), axisId);
        }
    }

    /** The agency a status package concerns: the sender of the document it answers, or the receiver of a recalled one. */
    private UnitView answeredAgency(StatusPackage status) {
        if (Status.ofCode(status.statusCode()) == Status.RECALL) {
            return queries.agenciesThatReceived(status.responseDocumentId()).stream().findFirst()
                    .flatMap(units::find)
                    .orElseThrow(() -> new NotFound(ExchangeError.NO_RECEIVED_DOCUMENT, status.responseDocumentId()));
        }
        String organ = status.responseDocumentId() == null ? "" : status.responseDocumentId().split(",", 2)[0].strip();
        return units.list(false).stream().filter(unit -> unit.isAddressedAs(organ)).findFirst()
                .orElseThrow(() -> new InvalidPackage("ResponseFor: " + status.responseDocumentId()
                        + " is not a document of this system's units"));
    }

    private ImportResult receiveDocument(byte[] bytes, DocumentPackage p, UnitView agency, String me) {
        if (p.to().stream().noneMatch(to -> agency.isAddressedAs(to.organId()))) {
            throw new InvalidPackage("To: the package is addressed to "
                    + p.to().stream().map(Organisation::organId).toList() + ", not to " + agency.organId());
        }
        if (p.businessDocType() == DocumentPackage.REVOCATION) {
            return revoke(bytes, p, agency, me);
        }
        if (p.businessDocType() == DocumentPackage.UPDATE) {
            return update(bytes, p, agency, me);
        }
        if (p.businessDocType() != DocumentPackage.NEW && p.businessDocType() != DocumentPackage.REPLACEMENT) {
            throw new InvalidPackage("BussinessDocType: " + p.businessDocType() + " is not a known kind of package");
        }
        List<String> warnings = new ArrayList<>();
        // a replacement names the documents it replaces; those we never received are named on the new one
        List<DocumentView> replaced = new ArrayList<>();
        for (String replacedId : p.businessDocType() == DocumentPackage.REPLACEMENT ? p.replacedDocumentIds() : List.<String>of()) {
            queries.receivedFromEdXml(agency.id(), replacedId).ifPresentOrElse(replaced::add,
                    () -> warnings.add(REPLACED_NOT_FOUND));
        }
        IncomingDetails details = details(p, warnings);
        List<AttachmentRef> stored = store(p.attachments());
        String documentId = UUID.randomUUID().toString();
        SenderDetails sender = new SenderDetails(p.signerCompetence(), p.signerPosition(), p.signerName(), p.place(),
                p.toPlaces(), p.appendixes(), p.steeringType());
        Registration registration = commands.send(new ReceiveEdXmlDocument(documentId, agency.id(), details,
                p.documentId(), stored, warnings, sender));
        actions.awaitReadModel(documentId);
        for (DocumentView earlier : replaced) {
            commands.send(new MarkReplacedBySender(earlier.id(), documentId,
                    p.businessReason() == null ? "Thay thế theo văn bản của nơi gửi" : p.businessReason()));
            actions.awaitReadModel(earlier.id());
        }
        ExchangeLog.Entry entry = log.record(agency.id(), p.from().organId(), ExchangeLog.Direction.IN, Kind.DOCUMENT,
                Outcome.ACCEPTED, bytes, documentId,
                p.documentId(), null, null, me);
        return new ImportResult("DOCUMENT", documentId, registration.registerNumber(), null, entry.id());
    }

    /** The document's details as the package gives them, odd values kept and named in {@code warnings}. */
    private IncomingDetails details(DocumentPackage p, List<String> warnings) {
        DocumentType type = typeOf(p.typeName(), warnings);
        return new IncomingDetails(p.numberAndNotation(), p.from().organName() == null ? p.from().organId()
                : p.from().organName(), p.promulgationDate(), type, p.subject(), p.content(), urgencyOf(p.priority()),
                Classification.NONE, p.dueDate(), p.pageAmount());
    }

    /**
     * An update package (BussinessDocType 2) updates the received document it names (Bussiness/DocumentId): its
     * details become the package's (the register number and the handling stay) and the package's files are added,
     * when the package updates the document's information; an update of the receivers only is recorded on it. The
     * sender is answered 15 (agreed), as for a revocation.
     */
    private ImportResult update(byte[] bytes, DocumentPackage p, UnitView agency, String me) {
        String target = p.businessDocumentId() != null ? p.businessDocumentId() : p.documentId();
        DocumentView earlier = queries.receivedFromEdXml(agency.id(), target)
                .orElseThrow(() -> new NotFound(ExchangeError.NO_RECEIVED_DOCUMENT, target));
        EdXmlReader.UpdateScope scope = EdXmlReader.updateScope(EdXmlReader.parse(bytes));
        IncomingDetails details = scope.documentInfo() ? details(p, new ArrayList<>())
                : new IncomingDetails(earlier.number(), earlier.issuer(), earlier.issuedOn(), earlier.type(),
                earlier.subject(), earlier.body(), earlier.urgency(), earlier.classification(), earlier.dueOn(),
                earlier.pageCount());
        List<AttachmentRef> added = scope.documentInfo() ? store(p.attachments()) : List.of();
        String reason = p.businessReason() != null ? p.businessReason()
                : scope.documentInfo() ? "Cập nhật thông tin văn bản" : "Cập nhật danh sách nơi nhận";
        commands.send(new UpdateFromSender(earlier.id(), details, added, reason));
        actions.awaitReadModel(earlier.id());
        ExchangeLog.Entry entry = log.record(agency.id(), p.from().organId(), ExchangeLog.Direction.IN, Kind.DOCUMENT,
                Outcome.ACCEPTED, bytes, earlier.id(), target, null, reason, me);
        return new ImportResult("UPDATE", earlier.id(), null, null, entry.id());
    }

    /**
     * A revocation package (BussinessDocType 1) withdraws the received document it names (Bussiness/DocumentId),
     * as a recall status (13) does; the sender is answered 15.
     */
    private ImportResult revoke(byte[] bytes, DocumentPackage p, UnitView agency, String me) {
        String target = p.businessDocumentId() != null ? p.businessDocumentId() : p.documentId();
        DocumentView received = queries.receivedFromEdXml(agency.id(), target)
                .orElseThrow(() -> new NotFound(ExchangeError.NO_RECEIVED_DOCUMENT, target));
        commands.send(new WithdrawReceivedDocument(received.id(),
                p.businessReason() == null ? "Thu hồi theo yêu cầu của nơi gửi" : p.businessReason()));
        actions.awaitReadModel(received.id());
        ExchangeLog.Entry entry = log.record(agency.id(), p.from().organId(), ExchangeLog.Direction.IN, Kind.DOCUMENT,
                Outcome.ACCEPTED, bytes, received.id(), target, null, p.businessReason(), me);
        return new ImportResult("REVOCATION", received.id(), null, null, entry.id());
    }

    private ImportResult consumeStatus(byte[] bytes, StatusPackage status, UnitView agency, String me) {
        Status code = Status.ofCode(status.statusCode());
        String documentId;
        if (code == Status.RECALL) {
            // The sender recalls a document we received from it: our copy is withdrawn, and we agree (15).
            DocumentView received = queries.receivedFromEdXml(agency.id(), status.responseDocumentId())
                    .orElseThrow(() -> new NotFound(ExchangeError.NO_RECEIVED_DOCUMENT, status.responseDocumentId()));
            commands.send(new WithdrawReceivedDocument(received.id(),
                    status.description() == null ? "Thu hồi theo yêu cầu của nơi gửi" : status.description()));
            documentId = received.id();
        } else {
            // An answer to a document we sent: find it by its edXML DocumentId (organ, date, number/notation).
            String[] parts = status.responseDocumentId().split(",", 3);
            if (parts.length != 3 || !agency.isAddressedAs(parts[0])) {
                throw new InvalidPackage("ResponseFor: " + status.responseDocumentId() + " is not a document of "
                        + agency.organId());
            }
            DocumentView sent = queries.issuedByNotation(agency.id(), parts[2].strip(), status.responsePromulgationDate())
                    .orElseThrow(() -> new NotFound(ExchangeError.NO_ISSUED_DOCUMENT, parts[2].strip()));
            commands.send(new RecordExternalStatus(sent.id(), status.from().organId(), status.from().organName(),
                    code.code(), status.description(), status.timestamp()));
            documentId = sent.id();
        }
        actions.awaitReadModel(documentId);
        ExchangeLog.Entry entry = log.record(agency.id(), status.from().organId(), ExchangeLog.Direction.IN, Kind.STATUS,
                Outcome.ACCEPTED, bytes, documentId,
                status.responseDocumentId(), code.code(), status.description(), me);
        return new ImportResult("STATUS", documentId, null, code.code(), entry.id());
    }

    public byte[] export(String documentId, List<String> to) {
        DocumentView document = actions.readable(documentId);
        if (document.direction() != Direction.OUTGOING
                || (document.status() != DocumentStatus.ISSUED && document.status() != DocumentStatus.RECALLED)) {
            throw new BusinessRuleViolation(ExchangeError.ONLY_ISSUED);
        }
        authorizer.require(Role.RECORDS_CLERK, document.agencyId());
        if (document.classification().classified()) {
            // State secrets do not travel over the open document exchange axis.
            throw new BusinessRuleViolation(ExchangeError.CLASSIFIED);
        }
        UnitView agency = units.find(document.agencyId()).orElseThrow();
        List<Organisation> recipients = new ArrayList<>();
        for (String organId : to) {
            recipients.add(new Organisation(organId, units.list(false).stream()
                    .filter(u -> u.isAddressedAs(organId)).map(UnitView::name).findFirst().orElse(organId)));
        }
        if (recipients.isEmpty()) {
            throw new InvalidInput("to", ExchangeError.RECIPIENT_REQUIRED);
        }
        List<String> chain = units.selfAndAncestors(agency.id());
        String place = units.find(chain.get(chain.size() - 1)).map(UnitView::name).orElse(null);
        String notation = document.number();
        String codeNotation = notation.contains("/") ? notation.substring(notation.indexOf('/') + 1) : null;
        List<Attachment> files = new ArrayList<>();
        int cid = 1;
        for (DocumentQueries.AttachmentRow row : queries.attachments(documentId)) {
            byte[] content = attachments.bytes(row.sha256());
            files.add(new Attachment("cid:" + cid++, row.fileName(), "application/zip", SafeZip.zip(row.fileName(), content)));
        }
        DocumentPackage p = new DocumentPackage(new Organisation(agency.organId(), agency.name()), recipients,
                edxmlDocumentId(agency, document), String.valueOf(document.registerNumber()), codeNotation, place,
                document.issuedOn(), document.type().ordinal() + 1, document.type().label(), document.subject(),
                document.body(), null, null, document.signerName(), document.dueOn(), document.urgency().ordinal(),
                document.pageCount(), List.of(), List.of(), 0, DocumentPackage.NEW, null, null, List.of(), files);
        byte[] bytes = EdXmlWriter.document(p);
        log.record(document.agencyId(), String.join(", ", to), ExchangeLog.Direction.OUT, Kind.DOCUMENT, Outcome.PRODUCED,
                bytes, documentId, p.documentId(), null, "to " + to, Authorizer.currentPrincipal().officialId());
        return bytes;
    }

    static String edxmlDocumentId(UnitView agency, DocumentView document) {
        return agency.organId() + "," + document.issuedOn().format(EdXmlReader.DATE) + "," + document.number();
    }

    private List<AttachmentRef> store(List<Attachment> files) {
        List<AttachmentRef> stored = new ArrayList<>();
        long budget = MAX_UNPACKED_BYTES;
        for (Attachment file : files) {
            if (SafeZip.looksLikeZip(file.content())) {
                List<SafeZip.Entry> entries = SafeZip.unzip(file.content(), budget);
                budget -= entries.stream().mapToLong(e -> e.content().length).sum();
                try {
                    for (SafeZip.Entry entry : entries) {
                        stored.add(attachments.store(new ByteArrayInputStream(entry.content()), entry.name()));
                    }
                } catch (AttachmentStore.RefusedFile notAcceptedInside) {
                    if (!"attachment.type".equals(notAcceptedInside.code())) {
                        throw notAcceptedInside; // a bomb or a damaged file inside: refused, not kept
                    }
                    // The archive holds a type Backbone does not accept on its own: keep the archive whole.
                    stored.add(attachments.store(new ByteArrayInputStream(file.content()), file.name() + ".zip", true));
                }
            } else {
                stored.add(attachments.store(new ByteArrayInputStream(file.content()), file.name()));
            }
        }
        return stored;
    }


    /** A replacement names a document this agency never received: the new one is registered, with this warning. */
    static final String REPLACED_NOT_FOUND = "exchange.replaced-not-found";

    /** A document of a type Backbone does not know (or of none) is registered as a công văn, with a warning. */
    static final String UNKNOWN_TYPE = "exchange.unknown-type";

    static DocumentType typeOf(String typeName, List<String> warnings) {
        String wanted = typeName == null ? "" : normalise(typeName);
        return Arrays.stream(DocumentType.values()).filter(t -> normalise(t.label()).equals(wanted)).findFirst()
                .orElseGet(() -> {
                    warnings.add(UNKNOWN_TYPE);
                    return DocumentType.CONG_VAN;
                });
    }

    /** Priority 0..3 as Thường, Khẩn, Thượng khẩn, Hỏa tốc (the code list is unverified; unknown values are ordinary). */
    static Urgency urgencyOf(int priority) {
        return priority >= 0 && priority < Urgency.values().length ? Urgency.values()[priority] : Urgency.NORMAL;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
