package vn.egov.backbone.core.eventchain;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Axon's JDBC storage engine with every append chained ({@link EventChain}): the head is taken, the
 * events are stored as Axon stores them, and they are linked — all in the appending transaction, on
 * its connection, so an event is never stored without its link nor a link without its event.
 */
public class ChainedEventStorageEngine extends JdbcEventStorageEngine {
    private final TransactionManager transactions;

    public ChainedEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions) {
        super(builder);
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try (Connection connection = getConnection()) {
                EventChain.lock(connection);
                super.appendEvents(events, serializer);
                EventChain.linkAppended(connection, events.stream().map(EventMessage::getIdentifier).collect(Collectors.toSet()));
            } catch (SQLException e) {
                throw new EventChainFailure("Cannot chain the events being stored", e);
            }
        });
    }
}
