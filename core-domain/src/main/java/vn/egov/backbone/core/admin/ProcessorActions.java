package vn.egov.backbone.core.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.stereotype.Service;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Event processors (projections), for system administrators only: their state and position, and a
 * replay that drops a read model and rebuilds it from the event store.
 */
@Service
class ProcessorActions {
    private final EventProcessingConfiguration processing;
    private final Authorizer authorizer;

    ProcessorActions(EventProcessingConfiguration processing, Authorizer authorizer) {
        this.processing = processing;
        this.authorizer = authorizer;
    }

    record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, int segments,
                           Long position) {
    }

    List<ProcessorStatus> list() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(ProcessorActions::status)
                .sorted(Comparator.comparing(ProcessorStatus::name)).toList();
    }

    ProcessorStatus get(String name) {
        authorizer.require(Role.ADMINISTRATOR, null);
        return status(processor(name));
    }

    /** Stops the processor, resets its tokens (the read model's reset handler empties it) and starts it again. */
    ProcessorStatus replay(String name) {
        authorizer.require(Role.ADMINISTRATOR, null);
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new BusinessRuleViolation(AdminError.NOT_REPLAYABLE, name);
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(processor);
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
