package vn.egov.backbone.core.eventing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A part of a stored event that an upcaster splits in two or more, other than the first: the same
 * event in every respect (aggregate, sequence, time, metadata, position in the store) but its own
 * identifier, derived from the stored one and the part's type, so that it is the same at every read and
 * consumers that drop an identifier they have seen (Kafka's, {@code docs/events.md}) do not drop it.
 * Put it last in the chain: an upcaster after it would go back to the stored identifier.
 */
public final class SplitEventPart implements IntermediateEventRepresentation {
    private final IntermediateEventRepresentation part;
    private final String identifier;

    public SplitEventPart(IntermediateEventRepresentation part) {
        this.part = part;
        this.identifier = UUID.nameUUIDFromBytes((part.getMessageIdentifier() + "/" + part.getType().getName())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public <T> IntermediateEventRepresentation upcast(SerializedType outputType, Class<T> expectedRepresentation,
                                                      Function<T, T> upcastFunction,
                                                      Function<MetaData, MetaData> metaDataUpcastFunction) {
        return part.upcast(outputType, expectedRepresentation, upcastFunction, metaDataUpcastFunction);
    }

    @Override
    public SerializedType getType() {
        return part.getType();
    }

    @Override
    public SerializedObject<?> getData() {
        return part.getData();
    }

    @Override
    public <D> SerializedObject<D> getData(Class<D> requiredType) {
        return part.getData(requiredType);
    }

    @Override
    public String getMessageIdentifier() {
        return identifier;
    }

    @Override
    public Optional<String> getAggregateType() {
        return part.getAggregateType();
    }

    @Override
    public Optional<String> getAggregateIdentifier() {
        return part.getAggregateIdentifier();
    }

    @Override
    public Optional<Long> getSequenceNumber() {
        return part.getSequenceNumber();
    }

    @Override
    public Optional<TrackingToken> getTrackingToken() {
        return part.getTrackingToken();
    }

    @Override
    public Instant getTimestamp() {
        return part.getTimestamp();
    }

    @Override
    public LazyDeserializingObject<MetaData> getMetaData() {
        return part.getMetaData();
    }

    @Override
    public boolean canConvertDataTo(Class<?> requiredType) {
        return part.canConvertDataTo(requiredType);
    }
}
