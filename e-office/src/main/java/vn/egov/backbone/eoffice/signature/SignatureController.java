package vn.egov.backbone.eoffice.signature;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignatureKind;

import java.util.List;

@RestController
@RequestMapping("/api/v1/documents/{id}/attachments/{attachmentId}/signatures")
class SignatureController {
    private final SignatureActions signatures;

    SignatureController(SignatureActions signatures) {
        this.signatures = signatures;
    }

    record SignRequest(@NotNull SignatureKind kind, @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "SignRequest[" + kind + "]";
        }
    }

    /** Signs the PDF; the answer is the new, signed attachment. */
    @PostMapping
    ResponseEntity<AttachmentRef> sign(@PathVariable String id, @PathVariable String attachmentId,
                                       @Valid @RequestBody SignRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(signatures.sign(id, attachmentId, request.kind(), request.password()));
    }

    /** The PDF's signatures, each checked. */
    @GetMapping
    List<PadesVerifier.SignatureReport> verify(@PathVariable String id, @PathVariable String attachmentId) {
        return signatures.verify(id, attachmentId);
    }
}
