package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection's position lives in the index commit: it survives a restart and goes with a wiped index. */
class IndexTokenStoreTest {
    @TempDir
    Path dir;

    @Test
    void tokensAreCommittedWithTheDocumentsAndSurviveReopening() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        TrackingToken token = GapAwareTrackingToken.newInstance(41, List.of(39L));

        SearchIndex index = new SearchIndex(dir.toString(), json);
        IndexTokenStore store = new IndexTokenStore(index, serializer);
        assertThat(store.fetchSegments("p")).isEmpty();
        store.initializeTokenSegments("p", 1, null);
        assertThat(store.fetchToken("p", 0)).isNull();
        assertThatThrownBy(() -> store.initializeTokenSegments("p", 1, null)).isInstanceOf(UnableToClaimTokenException.class);
        IndexedRecord record = new IndexedRecord("d1", "INCOMING");
        record.subject = "Công văn";
        record.classification = "NONE";
        index.put(record, "nội dung", true);
        store.storeToken(token, "p", 0);
        index.close();

        SearchIndex reopened = new SearchIndex(dir.toString(), json);
        IndexTokenStore again = new IndexTokenStore(reopened, serializer);
        assertThat(again.fetchSegments("p")).containsExactly(0);
        assertThat(again.fetchToken("p", 0)).isEqualTo(token);
        assertThat(reopened.load("d1")).get().extracting(stored -> stored.record().subject).isEqualTo("Công văn");
        assertThatThrownBy(() -> again.fetchToken("p", 1)).isInstanceOf(UnableToClaimTokenException.class);
        reopened.close();

        SearchIndex wiped = new SearchIndex(dir.resolve("elsewhere").toString(), json);
        assertThat(new IndexTokenStore(wiped, serializer).fetchSegments("p")).isEmpty();
        wiped.close();
    }
}
