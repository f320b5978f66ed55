package vn.egov.backbone.eoffice.incoming;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingContext;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler.BatchOutcome;
import vn.egov.backbone.eoffice.incoming.IncomingCommandHandler.Registration;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.BatchItem;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RegisterIncomingDocuments;
import vn.egov.backbone.eoffice.register.RegisterKey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for registrations into one register. All registrations of an agency and year take
 * their number from one register, one after another, each holding it until its commit; under load
 * they queue. Here the first request to find the register idle becomes the leader: it registers
 * everything queued behind it (up to {@link #MAX_BATCH}) in one unit of work with one commit, then
 * hands over. Numbers stay continuous and gapless; each registration keeps its own actor in its
 * events; a duplicate in the batch is refused alone.
 */
@Component
public class RegistrationBatcher {
    static final int MAX_BATCH = 64;

    private final Commands commands;
    private final Clock clock;
    private final Map<RegisterKey, Lane> lanes = new ConcurrentHashMap<>();

    RegistrationBatcher(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    private record Pending(BatchItem item, CompletableFuture<Registration> result) {
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    /** Registers one document, possibly together with others queued for the same register. */
    public Registration register(String agencyId, IncomingDetails details, ActingContext acting) {
        IncomingDetails checked = IncomingRules.check(details, LocalDate.now(clock.withZone(DisplayDates.VIETNAM)));
        RegisterKey key = RegisterKey.incoming(agencyId, checked.classification(),
                LocalDate.now(clock.withZone(DisplayDates.VIETNAM)).getYear());
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        Pending pending = new Pending(new BatchItem(UUID.randomUUID().toString(), agencyId, checked, metadata(acting)),
                new CompletableFuture<>());
        lane.queue.add(pending);
        drain(lane);
        try {
            return pending.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The registration did not complete in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Leader/follower: whoever finds the lane idle registers what is queued, until the queue is empty. */
    private void drain(Lane lane) {
        while (!lane.queue.isEmpty() && lane.draining.compareAndSet(false, true)) {
            try {
                List<Pending> batch = new ArrayList<>();
                Pending next;
                while (batch.size() < MAX_BATCH && (next = lane.queue.poll()) != null) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    registerBatch(batch);
                }
            } finally {
                lane.draining.set(false);
            }
        }
    }

    private void registerBatch(List<Pending> batch) {
        try {
            List<BatchOutcome> outcomes = commands.send(new RegisterIncomingDocuments(
                    batch.stream().map(Pending::item).toList()));
            for (int i = 0; i < batch.size(); i++) {
                BatchOutcome outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    batch.get(i).result().completeExceptionally(outcome.refusal());
                } else {
                    batch.get(i).result().complete(outcome.registration());
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private static Map<String, Object> metadata(ActingContext acting) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ActingMetadata.ACTING_OFFICIAL, acting.officialId());
        metadata.put(ActingMetadata.ACTING_USERNAME, acting.username());
        if (acting.unitId() != null) {
            metadata.put(ActingMetadata.ACTING_UNIT, acting.unitId());
        }
        if (acting.clientAddress() != null) {
            metadata.put(ActingMetadata.CLIENT_ADDRESS, acting.clientAddress());
        }
        metadata.put(ActingMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        return metadata;
    }
}
