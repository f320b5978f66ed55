package vn.egov.backbone.core.eventchain;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.Checkpoint;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The event chain as the event store holds it, for {@link EventChainActions}: its head, and a walk along it. */
@Service
class EventChainQueries {
    private final DataSource dataSource;

    EventChainQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    EventChain.Head head() {
        try (Connection connection = dataSource.getConnection()) {
            return EventChain.head(connection);
        } catch (SQLException e) {
            throw new EventChainFailure("Cannot read the event chain's head", e);
        }
    }

    /** Walks the chain from {@code from} (or the first event), comparing with the signed checkpoints. */
    ChainVerification walk(Checkpoint from, List<Checkpoint> signed, PublicKey key) {
        try (Connection connection = dataSource.getConnection()) {
            return ChainWalk.verify(connection, from, signed, key);
        } catch (SQLException e) {
            throw new EventChainFailure("Cannot read the event store to verify it", e);
        }
    }
}
