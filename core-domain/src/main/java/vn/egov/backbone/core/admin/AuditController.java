package vn.egov.backbone.core.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.admin.AuditQueries.AuditEntry;

import java.util.List;

/** An aggregate's audit trail over HTTP ({@link AuditQueries} decides who may read it). */
@RestController
class AuditController {
    private final AuditQueries trail;

    AuditController(AuditQueries trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit/{aggregateId}")
    List<AuditEntry> history(@PathVariable String aggregateId) {
        return trail.history(aggregateId);
    }
}
