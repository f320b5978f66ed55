package vn.egov.backbone.core.eventchain;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.ChainVerification.Finding;
import vn.egov.backbone.core.eventchain.api.Checkpoint;
import vn.egov.backbone.core.shared.PageActions;

import java.util.List;
import java.util.Optional;

/**
 * The system administrator's page of the event chain: where the chain ends, the signed checkpoints, and a
 * verification whose answer says in words which event no longer matches ({@link EventChainActions}
 * decides who may).
 */
@Controller
@RequestMapping("/admin/event-chain")
class EventChainPageController {
    private static final int CHECKPOINTS_SHOWN = 20;

    private final EventChainActions chain;
    private final PageActions actions;
    private final MessageSource messages;

    EventChainPageController(EventChainActions chain, PageActions actions, MessageSource messages) {
        this.chain = chain;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        List<Checkpoint> checkpoints = chain.checkpoints();
        model.addAttribute("head", chain.head());
        model.addAttribute("checkpoints", checkpoints.reversed().stream().limit(CHECKPOINTS_SHOWN).toList());
        model.addAttribute("checkpointCount", checkpoints.size());
        return "eventchain/admin";
    }

    @PostMapping("/checkpoints")
    String sign(RedirectAttributes redirect) {
        return actions.run(redirect, "/admin/event-chain",
                () -> message("chain.signed", chain.signCheckpoint().position()));
    }

    @PostMapping("/verification")
    String verify(RedirectAttributes redirect) {
        ChainVerification result = chain.verify(Optional.empty());
        if (result.intact()) {
            redirect.addFlashAttribute("notice", message("chain.intact", result.eventsChecked(), result.checkpoints(),
                    result.millis()));
        } else {
            Finding finding = result.finding();
            String fault = message("chain.fault." + finding.kind().name(), finding.position());
            redirect.addFlashAttribute("error", finding.aggregateIdentifier() == null ? fault
                    : fault + " " + message("chain.fault.event", finding.aggregateIdentifier(), finding.sequenceNumber(),
                    finding.payloadType().substring(finding.payloadType().lastIndexOf('$') + 1)));
        }
        return "redirect:/admin/event-chain";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
