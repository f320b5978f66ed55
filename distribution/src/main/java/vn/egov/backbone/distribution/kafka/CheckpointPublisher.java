package vn.egov.backbone.distribution.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import vn.egov.backbone.core.eventchain.api.CheckpointSigned;

/**
 * Puts every signed checkpoint of the event chain on {@code <prefix>event-chain-checkpoints} (key
 * {@code event-chain}), a second copy outside the database beside the node's checkpoint file. A
 * checkpoint Kafka does not take is logged, not retried: the next one covers everything before it.
 */
class CheckpointPublisher {
    static final String TOPIC = "event-chain-checkpoints";
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    CheckpointPublisher(KafkaTemplate<String, String> kafka, ObjectMapper json, String topicPrefix) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topicPrefix + TOPIC;
    }

    @EventListener
    void publish(CheckpointSigned signed) throws JsonProcessingException {
        kafka.send(topic, "event-chain", json.writeValueAsString(signed.checkpoint())).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Checkpoint at position {} not published to {}: {}", signed.checkpoint().position(), topic,
                        failure.getMessage());
            }
        });
    }
}
