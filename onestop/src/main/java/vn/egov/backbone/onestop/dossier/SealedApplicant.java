package vn.egov.backbone.onestop.dossier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.StoredEventModule;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ProcedureTerms;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.DossierSubmitted;

import java.io.IOException;
import java.time.Instant;

/**
 * How {@link DossierSubmitted} is stored: every field as it is, but the applicant — name, identity
 * number, address, phone, e-mail — sealed with the dossier's own key ({@link SubjectKeys}, the dossier as
 * subject) in {@code sealedApplicant}. Read back, the applicant is opened with the key, or is
 * {@code [đã xóa]} in every field once the key was erased. Events stored before (revision 1) have the
 * applicant in clear and are read as they are.
 */
@Component
class SealedApplicant implements StoredEventModule {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    static final Applicant ERASED = new Applicant(SubjectKeys.ERASED, SubjectKeys.ERASED, SubjectKeys.ERASED,
            SubjectKeys.ERASED, SubjectKeys.ERASED);

    private final SubjectKeys keys;

    SealedApplicant(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public Module module() {
        return new SimpleModule("sealed-applicant")
                .addSerializer(DossierSubmitted.class, new Writer())
                .addDeserializer(DossierSubmitted.class, new Reader());
    }

    private final class Writer extends StdSerializer<DossierSubmitted> {
        Writer() {
            super(DossierSubmitted.class);
        }

        @Override
        public void serialize(DossierSubmitted event, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("dossierId", event.dossierId());
            json.writeStringField("trackingCode", event.trackingCode());
            provider.defaultSerializeField("procedure", event.procedure(), json);
            provider.defaultSerializeField("channel", event.channel(), json);
            json.writeStringField("sealedApplicant", keys.seal(event.dossierId(), PLAIN.writeValueAsBytes(event.applicant())));
            json.writeNumberField("components", event.components());
            json.writeStringField("filedAtUnitId", event.filedAtUnitId());
            provider.defaultSerializeField("at", event.at(), json);
            json.writeEndObject();
        }
    }

    private final class Reader extends StdDeserializer<DossierSubmitted> {
        Reader() {
            super(DossierSubmitted.class);
        }

        @Override
        public DossierSubmitted deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode stored = parser.readValueAsTree();
            String dossierId = stored.path("dossierId").asText(null);
            Applicant applicant;
            if (stored.hasNonNull("sealedApplicant")) {
                applicant = keys.open(dossierId, stored.get("sealedApplicant").asText())
                        .map(SealedApplicant::applicant).orElse(ERASED);
            } else {
                applicant = context.readTreeAsValue(stored.get("applicant"), Applicant.class);
            }
            return new DossierSubmitted(dossierId, stored.path("trackingCode").asText(null),
                    context.readTreeAsValue(stored.get("procedure"), ProcedureTerms.class),
                    context.readTreeAsValue(stored.get("channel"), Channel.class), applicant,
                    stored.path("components").asInt(), stored.path("filedAtUnitId").asText(null),
                    context.readTreeAsValue(stored.get("at"), Instant.class));
        }
    }

    private static Applicant applicant(byte[] json) {
        try {
            return PLAIN.readValue(json, Applicant.class);
        } catch (IOException e) {
            throw new IllegalStateException("A sealed applicant that opens is not an applicant", e);
        }
    }
}
