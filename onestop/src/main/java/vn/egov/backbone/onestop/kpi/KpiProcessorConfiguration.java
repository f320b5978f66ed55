package vn.egov.backbone.onestop.kpi;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The KPI projection runs in one segment (its counters are shared by all dossiers of a unit and
 * month) and takes big batches, which it writes in a few statements ({@code backbone.kpi.batch-size},
 * 1,000 events by default).
 */
@Configuration(proxyBeanMethods = false)
class KpiProcessorConfiguration {
    @Autowired
    void configure(EventProcessingConfigurer configurer, @Value("${backbone.kpi.batch-size:1000}") int batchSize) {
        configurer.registerPooledStreamingEventProcessorConfiguration(DossierFactsProjection.GROUP,
                (config, builder) -> builder.initialSegmentCount(1).batchSize(batchSize));
    }
}
