package vn.egov.backbone.onestop.procedure.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The procedure catalogue (thủ tục hành chính): each procedure versioned, a dossier keeps its version. */
public final class ProcedureCommands {
    private ProcedureCommands() {
    }

    /** Who decides: the province's agency ({@code agency}, e.g. {@code STP}) or the commune's people's committee. */
    public enum Level { PROVINCE, COMMUNE }

    public record ProcedureDetails(String name, String field, Level level, String agency, int processingDays,
                                   long feeVnd, List<String> components, boolean fullyOnline) {
    }

    public record PublishProcedure(String code, ProcedureDetails details) {
    }

    public record ReviseProcedure(@TargetAggregateIdentifier String code, ProcedureDetails details) {
    }
}
