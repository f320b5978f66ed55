package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.shared.Commands;

import java.time.Duration;

/**
 * Sends a dossier's commands for its application services and waits (briefly) until both its read models —
 * the dossier and its handling record — show the last event, so that the page or answer after a write reads it.
 */
@Component
class DossierWrites {
    private final Commands commands;
    private final DossierQueries queries;
    private final ReadYourWrites readYourWrites;

    DossierWrites(Commands commands, DossierQueries queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** Sends the command without waiting: for whoever reads nothing after it. */
    void send(Object command) {
        commands.send(command);
    }

    void sendAndAwait(String dossierId, Object command) {
        commands.send(command);
        awaitReadModel(dossierId);
    }

    void awaitReadModel(String dossierId) {
        readYourWrites.await(dossierId, () -> queries.versionOfBoth(dossierId), Duration.ofSeconds(3));
    }
}
