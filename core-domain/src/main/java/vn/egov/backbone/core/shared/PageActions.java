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

    /**
     * A form that creates something: on success the browser goes where the action says, with its notice; refused,
     * the form's page comes back at once with the reason (422) instead of a redirect that would lose what was typed
     * — {@code form} builds that page, whose fields read the request's parameters.
     */
    public String runOrShowForm(RedirectAttributes redirect, org.springframework.ui.Model model,
                                jakarta.servlet.http.HttpServletResponse response, Supplier<Outcome> action,
                                Supplier<String> form) {
        try {
            Outcome outcome = action.get();
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.target();
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound | AccessDeniedException refused) {
            response.setStatus(422);
            model.addAttribute("error", errors.describe(refused));
            return form.get();
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
