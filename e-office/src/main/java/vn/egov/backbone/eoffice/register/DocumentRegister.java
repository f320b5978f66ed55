package vn.egov.backbone.eoffice.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A numbering register. Numbers come from this aggregate's own state, so they are continuous and
 * never duplicated: commands on one register are serialised on a node, and two nodes appending the
 * same sequence number collide in the event store, where the loser is retried on the new state.
 * A number is allocated in the same transaction that registers or issues the document, so a
 * refused document never leaves a gap.
 * <p>
 * A register gets an event per number, thousands a year, so it is cached and snapshotted: loading it
 * must not replay the whole year for every registration.
 */
@Aggregate(snapshotTriggerDefinition = RegisterConfiguration.SNAPSHOT_TRIGGER, cache = RegisterConfiguration.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class DocumentRegister {
    @AggregateIdentifier
    private String registerId;
    private long lastNumber;

    public DocumentRegister() {
        // for Axon, and for loadOrCreate on the first document of the year
    }

    public record RegisterOpened(String registerId, String agencyId, String sequence, int year) {
    }

    public record NumberAllocated(String registerId, long number, String documentId) {
    }

    long allocate(RegisterKey key, String documentId, MetaData metaData) {
        if (registerId == null) {
            apply(new RegisterOpened(key.registerId(), key.agencyId(), key.sequence(), key.year()), metaData);
        }
        long next = lastNumber + 1;
        apply(new NumberAllocated(key.registerId(), next, documentId), metaData);
        return next;
    }

    @EventSourcingHandler
    void on(RegisterOpened event) {
        registerId = event.registerId();
    }

    @EventSourcingHandler
    void on(NumberAllocated event) {
        lastNumber = event.number();
    }
}
