package vn.egov.backbone.core.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Event processors (projections) for system administrators: their state and position, and a replay
 * that drops a read model and rebuilds it from the event store.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
class ProcessorAdminController {
    private final EventProcessingConfiguration processing;
    private final Authorizer authorizer;

    ProcessorAdminController(EventProcessingConfiguration processing, Authorizer authorizer) {
        this.processing = processing;
        this.authorizer = authorizer;
    }

    record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, int segments,
                           Long position) {
    }

    @GetMapping
    List<ProcessorStatus> list() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(ProcessorAdminController::status)
                .sorted(Comparator.comparing(ProcessorStatus::name)).toList();
    }

    @GetMapping("/{name}")
    ProcessorStatus get(@PathVariable String name) {
        authorizer.require(Role.ADMINISTRATOR, null);
        return status(processor(name));
    }

    /** Stops the processor, resets its tokens (the read model's reset handler empties it) and starts it again. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        authorizer.require(Role.ADMINISTRATOR, null);
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new BusinessRuleViolation(AdminError.NOT_REPLAYABLE, name);
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(status(processor));
    }

    private StreamingEventProcessor processor(String name) {
        EventProcessor processor = processing.eventProcessor(name).orElseThrow(() -> new NotFound(AdminError.NO_PROCESSOR, name));
        if (processor instanceof StreamingEventProcessor streaming) {
            return streaming;
        }
        throw new NotFound(AdminError.NO_PROCESSOR, name);
    }

    private static ProcessorStatus status(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        Long position = statuses.values().stream()
                .map(s -> s.getCurrentPosition().orElse(-1L)).reduce(Math::min).orElse(null);
        boolean replaying = statuses.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean error = statuses.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProcessorStatus(processor.getName(), processor.isRunning(), error, replaying, statuses.size(), position);
    }
}
