package vn.egov.backbone.core.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of events that carry erasable data: the listed fields (JSON pointers to text values,
 * e.g. {@code /applicant/name}, {@code /details/body}) are taken out of the payload and stored together,
 * sealed with the key of the subject the event names ({@link SubjectKeys}), in one field {@code sealed}.
 * Read back, they are put back where they were — or, once the subject was erased, each reads
 * {@value SubjectKeys#ERASED}. A payload stored before it was sealed (no {@code sealed}) reads as it is.
 * Every other field is stored and read exactly as the application's {@code ObjectMapper} does.
 */
public final class SealedFields {
    static final String SEALED = "sealed";

    private SealedFields() {
    }

    /**
     * @param subjectField the payload's field that names the subject (a dossier's, a document's id)
     * @param paths        the text fields to seal
     */
    public record Sealing(Class<?> eventType, String subjectField, List<String> paths) {
        public Sealing(Class<?> eventType, String subjectField, String... paths) {
            this(eventType, subjectField, List.of(paths));
        }
    }

    /**
     * A Jackson module for the event serializer only ({@code StoredEventModule}).
     *
     * @param plain the application's mapper, without this module: it writes and reads everything but the seal
     */
    public static Module module(String name, SubjectKeys keys, ObjectMapper plain, List<Sealing> sealings) {
        SimpleModule module = new SimpleModule(name);
        for (Sealing sealing : sealings) {
            add(module, sealing, keys, plain);
        }
        return module;
    }

    private static <T> void add(SimpleModule module, Sealing sealing, SubjectKeys keys, ObjectMapper plain) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) sealing.eventType();
        List<JsonPointer> paths = sealing.paths().stream().map(JsonPointer::compile).toList();
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(T event, JsonGenerator json, SerializerProvider provider) throws IOException {
                ObjectNode tree = plain.valueToTree(event);
                ObjectNode taken = plain.createObjectNode();
                for (JsonPointer path : paths) {
                    JsonNode value = tree.at(path);
                    if (!value.isMissingNode() && !value.isNull()) {
                        taken.set(path.toString(), value);
                        ((ObjectNode) tree.at(path.head())).remove(path.last().getMatchingProperty());
                    }
                }
                if (!taken.isEmpty()) {
                    tree.put(SEALED, keys.seal(subject(tree, sealing), plain.writeValueAsBytes(taken)));
                }
                json.writeTree(tree);
            }
        });
        module.addDeserializer(type, new StdDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                ObjectNode tree = parser.readValueAsTree();
                JsonNode sealed = tree.remove(SEALED);
                if (sealed != null) {
                    Optional<byte[]> opened = keys.open(subject(tree, sealing), sealed.asText());
                    if (opened.isPresent()) {
                        Iterator<Map.Entry<String, JsonNode>> fields = plain.readTree(opened.get()).fields();
                        fields.forEachRemaining(field -> put(tree, JsonPointer.compile(field.getKey()), field.getValue()));
                    } else {
                        paths.forEach(path -> put(tree, path, TextNode.valueOf(SubjectKeys.ERASED)));
                    }
                }
                return plain.treeToValue(tree, type);
            }
        });
    }

    private static String subject(ObjectNode tree, Sealing sealing) {
        String subject = tree.path(sealing.subjectField()).asText(null);
        if (subject == null) {
            throw new IllegalStateException(sealing.eventType().getSimpleName() + " without its subject " + sealing.subjectField());
        }
        return subject;
    }

    private static void put(ObjectNode tree, JsonPointer path, JsonNode value) {
        tree.withObject(path.head()).set(path.last().getMatchingProperty(), value);
    }
}
