package vn.egov.backbone.core.shared;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * Runs a form action of a server-rendered page: on success a notice, on a refused command the
 * reason, both shown on the page the browser is redirected to (post/redirect/get).
 */
@Component
public class PageActions {
    private final Commands commands;
    private final ErrorMessages errors;

    public PageActions(Commands commands, ErrorMessages errors) {
        this.commands = commands;
        this.errors = errors;
    }

    /** The message a page shows for a refused request, in the page's language. */
    public String describe(RuntimeException refusal) {
        return errors.describe(refusal);
    }

    public Commands commands() {
        return commands;
    }

    /** Where to go after a successful action, and what to tell the user there. */
    public record Outcome(String notice, String target) {
    }

    /** Like {@link #run}, but a success goes to the target the action names (the page of what it created). */
    public String runAndGo(RedirectAttributes redirect, String failureTarget, Supplier<Outcome> action) {
        try {
            Outcome outcome = action.get();
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.target();
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound | AccessDeniedException e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            return "redirect:" + failureTarget;
        }
    }

    public String run(RedirectAttributes redirect, String target, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound | AccessDeniedException e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + target;
    }
}
