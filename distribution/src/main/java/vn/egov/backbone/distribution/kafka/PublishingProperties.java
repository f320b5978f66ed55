package vn.egov.backbone.distribution.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Publishing on Kafka ({@code backbone.kafka.*}; the broker itself: {@code backbone.kafka.bootstrap-servers}
 * or Spring's {@code spring.kafka.*}). A wrong value stops the start with a message that names the setting.
 *
 * @param topicPrefix            topics are {@code <prefix><context>}
 * @param acknowledgementTimeout how long a batch waits for the broker's acknowledgement before it is retried
 * @param partitions             partitions of each topic Backbone creates
 * @param replicas               replicas of each topic Backbone creates
 */
@Validated
@ConfigurationProperties("backbone.kafka")
public record PublishingProperties(@NotBlank @DefaultValue("backbone.") String topicPrefix,
                                   @NotNull @DefaultValue("20s") Duration acknowledgementTimeout,
                                   @DefaultValue("6") @Min(1) @Max(1_000) int partitions,
                                   @DefaultValue("1") @Min(1) @Max(10) short replicas) {
}
