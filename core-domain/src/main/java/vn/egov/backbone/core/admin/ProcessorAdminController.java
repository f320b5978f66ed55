package vn.egov.backbone.core.admin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.admin.ProcessorActions.ProcessorStatus;

import java.util.List;

/** The event processors over HTTP ({@link ProcessorActions} decides who may). */
@RestController
@RequestMapping("/api/v1/admin/processors")
class ProcessorAdminController {
    private final ProcessorActions processors;

    ProcessorAdminController(ProcessorActions processors) {
        this.processors = processors;
    }

    @GetMapping
    List<ProcessorStatus> list() {
        return processors.list();
    }

    @GetMapping("/{name}")
    ProcessorStatus get(@PathVariable String name) {
        return processors.get(name);
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().body(processors.replay(name));
    }
}
