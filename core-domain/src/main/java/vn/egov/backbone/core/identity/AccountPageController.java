package vn.egov.backbone.core.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.PageActions;

/**
 * The signed-in official's own account page ({@code /account}, linked from their name in the menu): who they are
 * in the directory, and a new password in place of the one their administrator gave them.
 */
@Controller
class AccountPageController {
    private final AccountActions account;
    private final OfficialQueries officials;
    private final PageActions pages;

    AccountPageController(AccountActions account, OfficialQueries officials, PageActions pages) {
        this.account = account;
        this.officials = officials;
        this.pages = pages;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("me", officials.find(Authorizer.currentPrincipal().officialId()).orElseThrow());
        return "account/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String repeatedPassword, RedirectAttributes redirect) {
        // a changed password ends every session of the official, this one too: the sign-in page says why
        return pages.runAndGo(redirect, "/account", () -> {
            if (!newPassword.equals(repeatedPassword)) {
                throw new InvalidInput("repeatedPassword", IdentityError.PASSWORDS_DIFFER);
            }
            account.changePassword(currentPassword, newPassword);
            return new PageActions.Outcome(null, "/login?passwordChanged");
        });
    }
}
