package vn.egov.backbone.search.index;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps the search projection's tokens in the Lucene index's commit data instead of the database:
 * the documents and the position they reflect are committed together (see {@link SearchIndex#publish}),
 * and an index that is lost or new has no token and is rebuilt from the start. Each node
 * has its own index, so there is nothing to claim against other nodes.
 */
public class IndexTokenStore implements TokenStore {
    private static final String SEGMENTS = "segments";

    private final SearchIndex index;
    private final Serializer serializer;

    public IndexTokenStore(SearchIndex index, Serializer serializer) {
        this.index = index;
        this.serializer = serializer;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount,
                                                     TrackingToken initialToken) {
        index.updateCommitData(data -> {
            if (!segments(data, processorName).isEmpty()) {
                throw new UnableToClaimTokenException("Segments of " + processorName + " are already initialised");
            }
            for (int segment = 0; segment < segmentCount; segment++) {
                put(data, processorName, segment, initialToken);
            }
        }, true);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        index.updateCommitData(data -> put(data, processorName, segment, token), false);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Map<String, String> data = index.commitData();
        if (!segments(data, processorName).contains(segment)) {
            throw new UnableToClaimTokenException("No token for segment " + segment + " of " + processorName);
        }
        String type = data.get(key(processorName, "type", segment));
        if (type == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(data.get(key(processorName, "token", segment)));
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // one node per index: nothing to release
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        index.updateCommitData(data -> {
            if (segments(data, processorName).contains(segment)) {
                throw new UnableToInitializeTokenException("Segment " + segment + " of " + processorName + " exists");
            }
            put(data, processorName, segment, token);
        }, true);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        index.updateCommitData(data -> {
            TreeSet<Integer> segments = segments(data, processorName);
            segments.remove(segment);
            data.put(key(processorName, SEGMENTS, null), join(segments));
            data.remove(key(processorName, "type", segment));
            data.remove(key(processorName, "token", segment));
        }, true);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segments(index.commitData(), processorName).stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of("lucene-search-index-v" + SearchFields.SCHEMA_VERSION);
    }

    private void put(Map<String, String> data, String processorName, int segment, TrackingToken token) {
        TreeSet<Integer> segments = segments(data, processorName);
        segments.add(segment);
        data.put(key(processorName, SEGMENTS, null), join(segments));
        if (token == null) {
            data.remove(key(processorName, "type", segment));
            data.remove(key(processorName, "token", segment));
        } else {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            data.put(key(processorName, "type", segment), serialized.getType().getName());
            data.put(key(processorName, "token", segment), Base64.getEncoder().encodeToString(serialized.getData()));
        }
    }

    private static TreeSet<Integer> segments(Map<String, String> data, String processorName) {
        String list = data.get(key(processorName, SEGMENTS, null));
        TreeSet<Integer> segments = new TreeSet<>();
        if (list != null && !list.isBlank()) {
            Arrays.stream(list.split(",")).map(Integer::valueOf).forEach(segments::add);
        }
        return segments;
    }

    private static String join(TreeSet<Integer> segments) {
        return segments.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String key(String processorName, String what, Integer segment) {
        return processorName + "." + what + (segment == null ? "" : "." + segment);
    }
}
