package vn.egov.backbone.eoffice.signature;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.egov.backbone.eoffice.document.DocumentActions;

/** The page that shows, for one PDF of a document, each signature and what its check found. */
@Controller
class SignaturePageController {
    private final DocumentSignatures signatures;
    private final DocumentActions documents;

    SignaturePageController(DocumentSignatures signatures, DocumentActions documents) {
        this.signatures = signatures;
        this.documents = documents;
    }

    @GetMapping("/documents/{id}/attachments/{attachmentId}/signatures")
    String signatures(@PathVariable String id, @PathVariable String attachmentId, Model model) {
        model.addAttribute("reports", signatures.verify(id, attachmentId));
        model.addAttribute("doc", documents.readable(id));
        model.addAttribute("attachmentId", attachmentId);
        return "documents/signatures";
    }
}
