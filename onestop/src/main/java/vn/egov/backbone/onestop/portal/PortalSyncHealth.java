package vn.egov.backbone.onestop.portal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.egov.backbone.onestop.settings.OneStopProperties;
import vn.egov.backbone.onestop.settings.OneStopProperties.NationalPortal;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code /actuator/health} component {@code nationalPortal}: off when no portal is configured; otherwise the
 * dossiers waiting to reach it, since when the oldest has waited, and the last failure. DOWN when one has waited
 * longer than {@code backbone.national-portal.backlog-alarm-after}: the province's ranking counts what the
 * portal has, so a synchronisation that stopped must be seen.
 */
@Component("nationalPortal")
class PortalSyncHealth implements HealthIndicator {
    private final PortalBacklog backlog;
    private final NationalPortal settings;
    private final Clock clock;

    PortalSyncHealth(PortalBacklog backlog, OneStopProperties properties, Clock clock) {
        this.backlog = backlog;
        this.settings = properties.nationalPortal();
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!settings.enabled()) {
            return Health.up().withDetail("synchronisation", "off: no portal configured (backbone.national-portal.url)").build();
        }
        PortalBacklog.Backlog waiting = backlog.backlog();
        boolean late = waiting.oldestSince() != null
                && Duration.between(waiting.oldestSince(), clock.instant()).compareTo(settings.backlogAlarmAfter()) > 0;
        Health.Builder health = late ? Health.down() : Health.up();
        health.withDetail("synchronisation", "on").withDetail("waiting", waiting.waiting());
        if (waiting.oldestSince() != null) {
            health.withDetail("oldestWaitingSince", waiting.oldestSince().toString());
        }
        if (waiting.lastError() != null) {
            health.withDetail("lastError", waiting.lastError());
        }
        return health.build();
    }
}
