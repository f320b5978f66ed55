package vn.egov.backbone.onestop.procedure;

import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.Level;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.ProcedureDetails;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.PublishProcedure;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.ReviseProcedure;
import vn.egov.backbone.onestop.procedure.api.ProcedureEvents.ProcedurePublished;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A procedure of the catalogue; every change is a new version, earlier versions stay as they were. */
@Aggregate
public class Procedure {
    @AggregateIdentifier
    private String code;
    private int version;

    protected Procedure() {
        // for Axon
    }

    @CommandHandler
    public Procedure(PublishProcedure command) {
        require(command.code() != null && command.code().matches("[A-Z0-9.\\-]{2,30}"), "code", ProcedureError.CODE_FORMAT);
        apply(new ProcedurePublished(command.code(), 1, valid(command.details())));
    }

    @CommandHandler
    public void handle(ReviseProcedure command) {
        apply(new ProcedurePublished(code, version + 1, valid(command.details())));
    }

    private static ProcedureDetails valid(ProcedureDetails d) {
        require(d != null && d.name() != null && !d.name().isBlank() && d.name().length() <= 500, "name", ProcedureError.NAME_LENGTH, 500);
        require(d.level() != null, "level", ProcedureError.LEVEL_REQUIRED);
        require(d.level() != Level.PROVINCE || (d.agency() != null && !d.agency().isBlank()),
                "agency", ProcedureError.AGENCY_REQUIRED);
        require(d.processingDays() >= 0 && d.processingDays() <= 365, "processingDays", ProcedureError.DAYS_RANGE, 365);
        require(d.feeVnd() >= 0, "feeVnd", ProcedureError.FEE_NEGATIVE);
        return d;
    }

    private static void require(boolean condition, String field, ProcedureError refusal, Object... arguments) {
        if (!condition) {
            throw new InvalidInput(field, refusal, arguments);
        }
    }

    @EventSourcingHandler
    void on(ProcedurePublished e) {
        code = e.code();
        version = e.version();
    }
}
