package vn.egov.backbone.core.eventing;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor, with its token in the same database. Four
 * segments per processor (Axon's default is 16, sized for bigger machines than our 2 cores), and
 * batches of up to 100 events, so that a burst costs one token update per batch, not per event. The
 * processors read the event store through {@link EventArrivals}, which wakes them when events are
 * committed instead of letting them poll every 500 ms; it is made from Axon's configuration when the
 * first processor starts, not as a bean, since the event store's own beans come from this module.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration implements DisposableBean {
    private volatile EventArrivals arrivals;

    @Autowired
    public void usePooledStreamingProcessors(EventProcessingConfigurer configurer) {
        configurer.usingPooledStreamingEventProcessors((config, builder) -> builder.initialSegmentCount(4).batchSize(100)
                .messageSource(arrivals(config)));
    }

    private synchronized EventArrivals arrivals(org.axonframework.config.Configuration config) {
        if (arrivals == null) {
            arrivals = new EventArrivals(config.eventStore());
        }
        return arrivals;
    }

    @Override
    public void destroy() {
        if (arrivals != null) {
            arrivals.close();
        }
    }
}
