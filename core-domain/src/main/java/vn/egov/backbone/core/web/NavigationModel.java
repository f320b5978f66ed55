package vn.egov.backbone.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.identity.OfficialPrincipal;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.unit.UnitQueries;

import java.time.Clock;

/**
 * What every page's menu needs to know of the signed-in official: how much work waits for them (the
 * badge on "Việc của tôi") and whether they administer anything (the units and officials pages are in
 * their menu only then), and whether they work in an agency (work files and the exchange log). Added to the
 * pages' models only, not to the API's answers.
 */
class NavigationModel implements HandlerInterceptor {
    private final ObjectProvider<PendingWork> pendingWork;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final Clock clock;

    NavigationModel(ObjectProvider<PendingWork> pendingWork, OfficialQueries officials, UnitQueries units, Clock clock) {
        this.pendingWork = pendingWork;
        this.officials = officials;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
                || authentication == null || !(authentication.getPrincipal() instanceof OfficialPrincipal)) {
            return;
        }
        OfficialPrincipal principal = Authorizer.currentPrincipal();
        String me = principal.officialId();
        java.util.Map<String, Long> pending = pendingWork.orderedStream().collect(java.util.stream.Collectors.groupingBy(
                PendingWork::menu, java.util.stream.Collectors.summingLong(work -> work.countFor(me))));
        page.addObject("pendingWork", pending.getOrDefault("inbox", 0L));
        page.addObject("pendingDossiers", pending.getOrDefault("dossiers", 0L));
        page.addObject("pendingMeetings", pending.getOrDefault("meetings", 0L));
        var roles = officials.roles(me).stream().filter(role -> role.validAt(clock.instant())).toList();
        page.addObject("administers", roles.stream().anyMatch(role -> role.role() == Role.ADMINISTRATOR));
        page.addObject("administersSystem", roles.stream().anyMatch(role -> role.role() == Role.ADMINISTRATOR
                && role.unitId() == null));
        // work files and the exchange log are an agency's: an official of the province or of a commune itself (a
        // system administrator, say) has none to open
        boolean inAgency = principal.unitId() != null && units.enclosingAgency(principal.unitId()).isPresent();
        page.addObject("inAgency", inAgency);
        // the exchange log is read by an agency's records clerks and leaders, and by administrators
        page.addObject("readsExchange", inAgency && roles.stream().anyMatch(role -> role.role() == Role.ADMINISTRATOR
                || role.role() == Role.RECORDS_CLERK || role.role() == Role.LEADER));
    }
}
