package vn.egov.backbone.onestop.procedure.api;

import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.ProcedureDetails;

public final class ProcedureEvents {
    private ProcedureEvents() {
    }

    public record ProcedurePublished(String code, int version, ProcedureDetails details) {
    }
}
