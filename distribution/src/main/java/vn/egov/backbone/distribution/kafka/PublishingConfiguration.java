package vn.egov.backbone.distribution.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kafka publishing, when a cluster is configured ({@link PublishingEnabled}). Producer defaults suit an
 * outbox: all replicas acknowledge, the idempotent producer keeps order and drops its own retries, and
 * a broker that is down makes a batch fail within seconds (to be retried) rather than hang. Every
 * {@code spring.kafka.producer.*} setting still applies on top.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PublishingEnabled.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(PublishingProperties.class)
class PublishingConfiguration {

    @Bean
    KafkaTemplate<String, String> eventKafkaTemplate(KafkaProperties properties, Environment environment) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        producer.putAll(properties.buildProducerProperties());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PublishingEnabled.bootstrapServers(environment));
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    }

    @Bean
    KafkaPublisher kafkaPublisher(KafkaTemplate<String, String> eventKafkaTemplate, KafkaAdmin eventKafkaAdmin,
                                  ClassifiedDocuments classified,
                                  ObjectMapper json, PublishingProperties settings) {
        return new KafkaPublisher(eventKafkaTemplate, eventKafkaAdmin, classified, json, settings.topicPrefix(),
                settings.acknowledgementTimeout());
    }

    @Bean
    CheckpointPublisher checkpointPublisher(KafkaTemplate<String, String> eventKafkaTemplate, ObjectMapper json,
                                            PublishingProperties settings) {
        return new CheckpointPublisher(eventKafkaTemplate, json, settings.topicPrefix());
    }

    /** The topics, created if missing (partitions and replicas as configured; a cluster may also create them). */
    @Bean
    KafkaAdmin.NewTopics eventTopics(PublishingProperties settings) {
        return new KafkaAdmin.NewTopics(Stream.concat(Topics.CONTEXTS.stream(), Stream.of(CheckpointPublisher.TOPIC))
                .map(topic -> new NewTopic(settings.topicPrefix() + topic, settings.partitions(), settings.replicas()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    KafkaAdmin eventKafkaAdmin(KafkaProperties properties, Environment environment) {
        Map<String, Object> admin = new HashMap<>(properties.buildAdminProperties(null));
        admin.put("bootstrap.servers", PublishingEnabled.bootstrapServers(environment));
        KafkaAdmin kafkaAdmin = new KafkaAdmin(admin);
        // Kafka may be down when Backbone starts: the topics are made when it is back (or by the cluster).
        kafkaAdmin.setFatalIfBrokerNotAvailable(false);
        kafkaAdmin.setOperationTimeout(10);
        return kafkaAdmin;
    }

    /**
     * A batch Kafka did not take must not be skipped: the error goes up, the segment is released and
     * claimed again later, and the batch is published again from the stored position.
     */
    @Autowired
    void retryFailedBatches(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
