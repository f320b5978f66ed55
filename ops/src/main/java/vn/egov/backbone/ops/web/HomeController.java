package vn.egov.backbone.ops.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.egov.backbone.core.identity.ApiTokenStore;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.HashMap;
import java.util.Map;

/** Sign-in page and the official's home page. */
@Controller
class HomeController {
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final ApiTokenStore tokens;

    HomeController(OfficialQueries officials, UnitQueries units, ApiTokenStore tokens) {
        this.officials = officials;
        this.units = units;
        this.tokens = tokens;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        OfficialPrincipal principal = Authorizer.currentPrincipal();
        var official = officials.find(principal.officialId()).orElse(null);
        model.addAttribute("principal", principal);
        model.addAttribute("official", official);
        Map<String, String> unitNames = new HashMap<>();
        if (official != null) {
            if (official.unitId() != null) {
                units.find(official.unitId()).ifPresent(u -> unitNames.put(u.id(), u.name()));
            }
            official.roles().forEach(role -> {
                if (role.unitId() != null) {
                    units.find(role.unitId()).map(UnitView::name).ifPresent(name -> unitNames.put(role.unitId(), name));
                }
            });
        }
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("tokens", tokens.list(principal.officialId()));
        return "home";
    }
}
