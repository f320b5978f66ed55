package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.backbone.core.shared.RetryPause;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.settings.EOfficeProperties;
import vn.egov.backbone.eoffice.settings.EOfficeProperties.DocumentAxis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries packages between the exchange log and the national document axis. Sending: every package Backbone
 * produces (documents exported to other agencies, statuses answering them) waits in the log until the axis took
 * it and gave it an id; a failure is tried again after {@code first-retry-after}, doubling up to
 * {@code max-retry-pause}, with the same message id, so nothing is lost and the axis can tell a repeat from a new
 * package. Receiving: the inbox (documents, then statuses) is fetched, each package received for the agency it
 * concerns ({@link ExchangeActions#receiveFromAxis}) and acknowledged {@code done}, or {@code fail} when refused; a
 * package the axis delivers again (its id is in the log) is acknowledged and not received twice; a package that
 * could not be fetched stays in the inbox for the next run. One db-scheduler task each, for the whole cluster.
 */
@Configuration(proxyBeanMethods = false)
class DocumentAxisConnector {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentAxisConnector.class);
    private static final int BATCH = 100;

    private final ExchangeLog log;
    private final ExchangeActions exchange;
    private final UnitQueries units;
    private final DocumentAxis settings;
    private final long maxPackageBytes;
    private final DocumentAxisClient axis;
    private final Clock clock;
    private final AtomicReference<String> lastReceiveError = new AtomicReference<>();

    DocumentAxisConnector(ExchangeLog log, ExchangeActions exchange, UnitQueries units, EOfficeProperties properties,
                          ObjectMapper json, Clock clock) {
        this.log = log;
        this.exchange = exchange;
        this.units = units;
        this.settings = properties.documentAxis();
        this.maxPackageBytes = properties.exchange().maxPackageSize().toBytes();
        this.axis = new DocumentAxisClient(settings, json);
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> documentAxisSend() {
        return Tasks.recurring("document-axis-send", Schedules.fixedDelay(settings.sendEvery()))
                .execute((instance, context) -> sendWaiting());
    }

    @Bean
    RecurringTask<Void> documentAxisReceive() {
        return Tasks.recurring("document-axis-receive", Schedules.fixedDelay(settings.receiveEvery()))
                .execute((instance, context) -> receiveInbox());
    }

    /** {@code /actuator/health} component {@code documentAxis}: packages waiting, the last failures; DOWN when one waited too long. */
    @Bean("documentAxis")
    HealthIndicator documentAxisHealth() {
        return () -> {
            if (!settings.enabled()) {
                return Health.up().withDetail("connector", "off: no axis configured (backbone.document-axis.url)").build();
            }
            ExchangeLog.AxisBacklog backlog = log.axisBacklog();
            boolean late = backlog.oldestSince() != null
                    && Duration.between(backlog.oldestSince(), clock.instant()).compareTo(settings.backlogAlarmAfter()) > 0;
            Health.Builder health = (late ? Health.down() : Health.up()).withDetail("connector", "on")
                    .withDetail("waiting", backlog.waiting());
            if (backlog.oldestSince() != null) {
                health.withDetail("oldestWaitingSince", backlog.oldestSince().toString());
            }
            if (backlog.lastError() != null) {
                health.withDetail("lastSendError", backlog.lastError());
            }
            if (lastReceiveError.get() != null) {
                health.withDetail("lastReceiveError", lastReceiveError.get());
            }
            return health.build();
        };
    }

    /** Sends what waits and is due; returns how many the axis took. */
    int sendWaiting() {
        if (!settings.enabled()) {
            return 0;
        }
        int sent = 0;
        for (ExchangeLog.Waiting waiting : log.waitingForAxis(clock.instant(), BATCH)) {
            try {
                byte[] bytes = log.bytes(waiting.sha256())
                        .orElseThrow(() -> new DocumentAxisClient.AxisFailure("the package's bytes are missing"));
                String from = waiting.agencyId() == null ? "" : units.find(waiting.agencyId()).map(UnitView::organId).orElse("");
                String axisId = axis.send(bytes, from, waiting.kind() == ExchangeLog.Kind.STATUS ? "status" : "edoc",
                        waiting.id());
                log.sentToAxis(waiting.id(), axisId);
                sent++;
            } catch (DocumentAxisClient.AxisFailure failure) {
                int attempts = waiting.attempts() + 1;
                Duration pause = RetryPause.after(attempts, settings.firstRetryAfter(), settings.maxRetryPause());
                LOG.warn("The axis did not take package {} (attempt {}), again in {}: {}", waiting.id(), attempts, pause,
                        failure.getMessage());
                log.axisFailed(waiting.id(), attempts, clock.instant().plus(pause), failure.getMessage());
            }
        }
        return sent;
    }

    /** Receives what waits in the inbox; returns how many packages were received (refused ones not counted). */
    int receiveInbox() {
        if (!settings.enabled()) {
            return 0;
        }
        int received = 0;
        try {
            for (String type : List.of("edoc", "status")) {
                for (DocumentAxisClient.InboxItem item : axis.inbox(type)) {
                    received += receive(item) ? 1 : 0;
                }
            }
            lastReceiveError.set(null);
        } catch (DocumentAxisClient.AxisFailure failure) {
            // what was not fetched or not acknowledged stays in the inbox: the next run takes it up
            LOG.warn("Fetching the axis' inbox stopped: {}", failure.getMessage());
            lastReceiveError.set(Instant.now(clock) + " " + failure.getMessage());
        }
        return received;
    }

    private boolean receive(DocumentAxisClient.InboxItem item) throws DocumentAxisClient.AxisFailure {
        var before = log.receivedFromAxis(item.id());
        if (before.isPresent()) {
            // delivered again: received (or refused) the first time; tell the axis again what became of it
            axis.acknowledge(item.id(), before.get().outcome() == ExchangeLog.Outcome.ACCEPTED);
            return false;
        }
        byte[] bytes;
        try {
            bytes = axis.fetch(item.id(), maxPackageBytes);
        } catch (DocumentAxisClient.TooLarge tooLarge) {
            ExchangeLog.Entry refused = log.record(null, item.from(), ExchangeLog.Direction.IN, ExchangeLog.Kind.UNKNOWN,
                    ExchangeLog.Outcome.REFUSED, null, null, null, null,
                    "Gói tin lớn hơn " + maxPackageBytes + " byte, không nhận", vn.egov.backbone.core.eventing.ActingMetadata.SYSTEM);
            log.fetchedFromAxis(refused.id(), item.id());
            axis.acknowledge(item.id(), false);
            return false;
        }
        boolean taken;
        try {
            exchange.receiveFromAxis(bytes, item.id());
            taken = true;
        } catch (IllegalArgumentException | BusinessRuleViolation | NotFound refused) {
            LOG.info("Refused package {} from the axis: {}", item.id(), refused.getMessage());
            taken = false;
        }
        axis.acknowledge(item.id(), taken);
        return taken;
    }
}
