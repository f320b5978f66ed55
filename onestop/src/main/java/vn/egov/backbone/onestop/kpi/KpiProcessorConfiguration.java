package vn.egov.backbone.onestop.kpi;

import vn.egov.backbone.onestop.settings.OneStopProperties;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The KPI projection writes each batch in a few statements, so it takes bigger batches than the other
 * projections ({@code backbone.kpi.batch-size}, 250 events by default), in four segments by default
 * ({@code backbone.kpi.segments}, when it first starts). Not bigger: Axon's pooled processor buffers
 * 1,024 events per segment and its coordinator, finding the buffer full, pauses 100 ms; with batches
 * as big as the buffer a replay waited on that pause after every batch (about 11,500 events/s with
 * 1,000; see the README).
 */
@Configuration(proxyBeanMethods = false)
class KpiProcessorConfiguration {
    @Autowired
    void configure(EventProcessingConfigurer configurer, OneStopProperties settings) {
        OneStopProperties.Kpi kpi = settings.kpi();
        configurer.registerPooledStreamingEventProcessorConfiguration(DossierFactsProjection.GROUP,
                (config, builder) -> builder.initialSegmentCount(kpi.segments()).batchSize(kpi.batchSize()));
    }
}
