package vn.egov.backbone.onestop.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.Level;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.ProcedureDetails;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.PublishProcedure;
import vn.egov.backbone.onestop.procedure.api.ProcedureEvents.ProcedurePublished;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue's read model (every version of every procedure) and its first load: on the first
 * start the realistic catalogue of {@code procedures/catalogue.json} (about 50 common procedures of
 * province and commune) is published, one command per procedure; a procedure already there is left
 * as it is, so several nodes starting at once publish each procedure once.
 */
@Component
@ProcessingGroup("procedures")
public class ProcedureCatalogue implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ProcedureCatalogue.class);

    /** One version of a procedure as dossiers are received under it. */
    public record ProcedureVersion(String code, int version, String name, String field, Level level, String agency,
                                   int processingDays, long feeVnd, List<String> components, boolean fullyOnline) {
    }

    private final JdbcClient jdbc;
    private final Commands commands;
    private final ObjectMapper json;
    private final EventStore eventStore;

    ProcedureCatalogue(JdbcClient jdbc, Commands commands, ObjectMapper json, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.commands = commands;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        JsonNode catalogue;
        try (InputStream in = new ClassPathResource("procedures/catalogue.json").getInputStream()) {
            catalogue = json.readTree(in);
        }
        // Loaded before if its first procedure has a history: one indexed lookup, not a scan of the event store.
        if (eventStore.lastSequenceNumberFor(catalogue.get("procedures").get(0).get("code").asText()).isPresent()) {
            return;
        }
        int published = 0;
        for (JsonNode p : catalogue.get("procedures")) {
            List<String> components = new ArrayList<>();
            p.get("components").forEach(c -> components.add(c.asText()));
            try {
                commands.send(new PublishProcedure(p.get("code").asText(), new ProcedureDetails(p.get("name").asText(),
                        p.get("field").asText(), Level.valueOf(p.get("level").asText()),
                        p.get("agency").isNull() ? null : p.get("agency").asText(), p.get("processingDays").asInt(),
                        p.get("feeVnd").asLong(), components, p.get("fullyOnline").asBoolean())));
                published++;
            } catch (RuntimeException alreadyThere) {
                log.debug("Procedure {} not published: {}", p.get("code").asText(), alreadyThere.getMessage());
            }
        }
        log.info("Procedure catalogue: {} procedures published", published);
    }

    @EventHandler
    void on(ProcedurePublished e) throws Exception {
        ProcedureDetails d = e.details();
        jdbc.sql("INSERT INTO procedure_version (code, version, name, field, level, agency, processing_days, fee_vnd,"
                        + " components, fully_online) VALUES (:code, :version, :name, :field, :level, :agency, :days, :fee,"
                        + " :components, :online)")
                .param("code", e.code()).param("version", e.version()).param("name", d.name()).param("field", d.field())
                .param("level", d.level().name()).param("agency", d.agency()).param("days", d.processingDays())
                .param("fee", d.feeVnd()).param("components", json.writeValueAsString(d.components()))
                .param("online", d.fullyOnline()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM procedure_version").update();
    }

    /** The current version of every procedure, by code. */
    public List<ProcedureVersion> current() {
        return jdbc.sql("SELECT p.* FROM procedure_version p WHERE p.version = (SELECT MAX(v.version) FROM"
                + " procedure_version v WHERE v.code = p.code) ORDER BY p.code").query(this::row).list();
    }

    public Optional<ProcedureVersion> current(String code) {
        return jdbc.sql("SELECT * FROM procedure_version WHERE code = :code ORDER BY version DESC LIMIT 1")
                .param("code", code).query(this::row).optional();
    }

    private ProcedureVersion row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        try {
            List<String> components = List.of(json.readValue(rs.getString("components"), String[].class));
            return new ProcedureVersion(rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                    rs.getString("field"), Level.valueOf(rs.getString("level")), rs.getString("agency"),
                    rs.getInt("processing_days"), rs.getLong("fee_vnd"), components, rs.getBoolean("fully_online"));
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("components of " + rs.getString("code"), e);
        }
    }
}
