package vn.egov.backbone.core.eventchain;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.settings.CoreProperties;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once started: links the events stored before the chain existed (batches of 10,000, each its own
 * transaction, so that commands wait at most one batch), then signs a checkpoint of the head at every
 * interval in which it moved.
 */
@Component
class EventChainMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(EventChainMaintenance.class);
    private static final int CATCH_UP_BATCH = 10_000;

    private final DataSource dataSource;
    private final EventChainActions chain;
    private final CoreProperties.EventChain settings;
    private ScheduledExecutorService schedule;

    EventChainMaintenance(DataSource dataSource, EventChainActions chain, CoreProperties node) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.settings = node.eventChain();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled()) {
            LOG.warn("The event chain is off (backbone.event-chain.enabled=false): events stored now will never be linked");
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain");
            thread.setDaemon(true);
            return thread;
        });
        schedule.execute(this::catchUp);
        long interval = settings.checkpointInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::checkpoint, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void catchUp() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean done = false;
            while (!done) {
                EventChain.lock(connection);
                done = EventChain.catchUp(connection, CATCH_UP_BATCH);
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not link the events stored before the event chain; the next append will", e);
        }
    }

    private void checkpoint() {
        try {
            chain.signIfMoved().ifPresent(c -> LOG.info("Event chain checkpoint signed at position {}", c.position()));
        } catch (RuntimeException e) {
            LOG.error("Could not sign an event chain checkpoint; trying again in {}", settings.checkpointInterval(), e);
        }
    }
}
