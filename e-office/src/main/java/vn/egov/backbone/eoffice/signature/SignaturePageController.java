package vn.egov.backbone.eoffice.signature;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SignatureKind;

/**
 * Signing from the document page (the approving leader, then the records clerk for the agency, each
 * with the PIN of their key) and the page that shows each signature of a PDF and what its check found.
 */
@Controller
class SignaturePageController {
    private final SignatureActions signatures;
    private final DocumentActions documents;
    private final PageActions pages;
    private final MessageSource messages;

    SignaturePageController(SignatureActions signatures, DocumentActions documents, PageActions pages,
                            MessageSource messages) {
        this.signatures = signatures;
        this.documents = documents;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/documents/{id}/attachments/{attachmentId}/signatures")
    String sign(@PathVariable String id, @PathVariable String attachmentId, @RequestParam SignatureKind kind,
                @RequestParam String password, RedirectAttributes redirect) {
        return pages.run(redirect, "/documents/" + id, () -> messages.getMessage("signatures.signed",
                new Object[]{signatures.sign(id, attachmentId, kind, password).fileName()}, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/documents/{id}/attachments/{attachmentId}/signatures")
    String signatures(@PathVariable String id, @PathVariable String attachmentId, Model model) {
        model.addAttribute("reports", signatures.verify(id, attachmentId));
        model.addAttribute("doc", documents.readable(id));
        return "documents/signatures";
    }
}
