package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.eoffice.document.DocumentError;
import vn.egov.backbone.core.shared.Forbidden;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.DocumentQueries;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignAttachment;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignatureKind;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;

/**
 * Digital signatures of outgoing documents (NĐ 30, Điều 32–33): the approving leader signs the PDF
 * with their key, then the records clerk applies the agency's signature; each signature makes a new
 * attachment (an incremental update of the previous file). Any PDF a reader may see can be verified.
 */
@Service
public class SignatureActions {
    private static final PDRectangle SIGNER_BOX = new PDRectangle(320, 40, 240, 48);
    private static final PDRectangle AGENCY_BOX = new PDRectangle(320, 92, 240, 48);

    private final DocumentActions documents;
    private final DocumentQueries queries;
    private final AttachmentStore attachments;
    private final SigningKeys keys;
    private final TrustedAuthorities trusted;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final Commands commands;
    private final Clock clock;

    SignatureActions(DocumentActions documents, DocumentQueries queries, AttachmentStore attachments, SigningKeys keys,
                       TrustedAuthorities trusted, Authorizer authorizer, OfficialQueries officials, UnitQueries units,
                       Commands commands, Clock clock) {
        this.documents = documents;
        this.queries = queries;
        this.attachments = attachments;
        this.keys = keys;
        this.trusted = trusted;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
        this.commands = commands;
        this.clock = clock;
    }

    public AttachmentRef sign(String documentId, String attachmentId, SignatureKind kind, String password) {
        DocumentView document = documents.readable(documentId);
        if (document.direction() != Direction.OUTGOING) {
            throw new BusinessRuleViolation(SignatureError.ONLY_OUTGOING);
        }
        OfficialView me = officials.find(Authorizer.currentPrincipal().officialId()).orElseThrow();
        DocumentQueries.AttachmentRow file = pdf(documentId, attachmentId);
        PadesSigner.Signer signer;
        if (kind == SignatureKind.SIGNER) {
            if (!me.id().equals(document.approverId())) {
                throw new Forbidden(SignatureError.ONLY_APPROVER_SIGNS);
            }
            SigningKeys.Key key = keys.load(SigningKeys.officialFile(me.username()), password);
            signer = new PadesSigner.Signer(key.privateKey(), key.chain(), me.fullName(),
                    me.position() == null ? "Người ký" : me.position(), "Ký ban hành văn bản",
                    place(document), SIGNER_BOX);
        } else {
            authorizer.require(Role.RECORDS_CLERK, document.agencyId());
            UnitView agency = units.find(document.agencyId()).orElseThrow();
            SigningKeys.Key key = keys.load(SigningKeys.agencyFile(agency.code()), password);
            signer = new PadesSigner.Signer(key.privateKey(), key.chain(), agency.name(), "Chữ ký số của cơ quan",
                    "Ký số của cơ quan, tổ chức", place(document), AGENCY_BOX);
        }
        byte[] signed = PadesSigner.sign(attachments.bytes(file.sha256()), signer, clock.instant());
        String name = file.fileName().replaceFirst("(?i)\\.pdf$", "") + (kind == SignatureKind.SIGNER ? " (đã ký).pdf"
                : " (đã ký số cơ quan).pdf");
        AttachmentRef stored = attachments.store(new ByteArrayInputStream(signed), name);
        commands.send(new SignAttachment(documentId, attachmentId, stored, kind, me.id(),
                signer.chain()[0].getSubjectX500Principal().getName()));
        return stored;
    }

    public List<PadesVerifier.SignatureReport> verify(String documentId, String attachmentId) {
        documents.readable(documentId);
        return PadesVerifier.verify(attachments.bytes(pdf(documentId, attachmentId).sha256()), trusted.anchors());
    }

    private DocumentQueries.AttachmentRow pdf(String documentId, String attachmentId) {
        DocumentQueries.AttachmentRow file = queries.attachments(documentId).stream()
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFound(DocumentError.ATTACHMENT_NOT_FOUND, attachmentId));
        if (!"application/pdf".equals(file.contentType())) {
            throw new BusinessRuleViolation(SignatureError.ONLY_PDF);
        }
        return file;
    }

    private String place(DocumentView document) {
        List<String> chain = units.selfAndAncestors(document.agencyId());
        return units.find(chain.get(chain.size() - 1)).map(UnitView::name).orElse(null);
    }

}
