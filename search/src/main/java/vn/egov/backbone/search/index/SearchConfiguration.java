package vn.egov.backbone.search.index;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The search projection runs in its own pooled processor with two segments (two writer threads, one per
 * core of a small node; a record's events stay in one segment, so its read-modify-write needs no lock)
 * and its tokens in the index ({@link IndexTokenStore}).
 * A watcher marks the index built once the processor has caught up with the event store.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SearchConfiguration {
    /** The processing group of every handler that writes the search index. */
    public static final String PROCESSOR = "search-index";

    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-watcher");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public void searchProcessor(EventProcessingConfigurer configurer, SearchIndex index) {
        configurer.registerTokenStore(PROCESSOR, config -> new IndexTokenStore(index, config.serializer()));
        configurer.registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                (config, builder) -> builder.initialSegmentCount(2).batchSize(200));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void watchUntilBuilt(ApplicationReadyEvent ready) {
        SearchIndex index = ready.getApplicationContext().getBean(SearchIndex.class);
        EventProcessingModule processing = ready.getApplicationContext().getBean(EventProcessingModule.class);
        watcher.scheduleWithFixedDelay(() -> {
            if (index.isBuilt()) {
                watcher.shutdown();
                return;
            }
            processor(processing).ifPresent(p -> {
                Map<Integer, EventTrackerStatus> status = p.processingStatus();
                if (!status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                    index.markBuilt();
                }
            });
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    public static Optional<StreamingEventProcessor> processor(EventProcessingModule processing) {
        return processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
