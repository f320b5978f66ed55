package vn.egov.backbone.distribution.kafka;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Publishing is on when a Kafka cluster is named: {@code backbone.kafka.bootstrap-servers}, or
 * Spring's own {@code spring.kafka.bootstrap-servers}. Without either Backbone runs as before.
 */
public class PublishingEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return bootstrapServers(context.getEnvironment()) != null;
    }

    static String bootstrapServers(org.springframework.core.env.Environment environment) {
        for (String property : new String[] {"backbone.kafka.bootstrap-servers", "spring.kafka.bootstrap-servers"}) {
            String value = environment.getProperty(property);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
