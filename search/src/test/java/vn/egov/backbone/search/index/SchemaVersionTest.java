package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.query.SearchRequest;
import vn.egov.backbone.search.query.SearchResult;
import vn.egov.backbone.search.query.SearchService;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A new schema version builds beside the old one, which answers queries until the new one is complete. */
class SchemaVersionTest {
    @TempDir
    Path root;

    @Test
    void theOlderCompleteVersionServesUntilTheNewOneIsBuilt() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        Path older = root.resolve("v0");
        IndexedRecord archived = new IndexedRecord("old-1", "INCOMING");
        archived.subject = "Báo cáo tổng kết công tác văn thư, lưu trữ năm 2019";
        archived.classification = "NONE";
        archived.agencyId = "A";
        try (FSDirectory dir = FSDirectory.open(older);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(VietnameseAnalysis.forIndexing()))) {
            writer.addDocument(SearchFields.toDocument(archived, null, json.writeValueAsBytes(archived)));
            writer.setLiveCommitData(Map.of("built", "true").entrySet());
            writer.commit();
        }

        SearchIndex index = new SearchIndex(root.toString(), json);
        SearchService search = new SearchService(index);
        ReaderScope reader = new ReaderScope("o", false, Set.of("A"), Set.of(), Set.of(), Set.of());
        assertThat(index.status().servingOlderVersion()).isTrue();
        assertThat(search.search(reader, SearchRequest.text("tong ket van thu")).hits())
                .extracting(SearchResult.Hit::id).containsExactly("old-1");

        IndexedRecord rebuilt = new IndexedRecord("new-1", "INCOMING");
        rebuilt.subject = "Báo cáo tổng kết công tác văn thư, lưu trữ năm 2025";
        rebuilt.classification = "NONE";
        rebuilt.agencyId = "A";
        index.put(rebuilt, null, true);
        index.commit(index.commitData());
        // still the old version until the projection has caught up
        assertThat(search.search(reader, SearchRequest.text("tong ket van thu")).hits())
                .extracting(SearchResult.Hit::id).containsExactly("old-1");

        index.markBuilt();
        assertThat(index.status().servingOlderVersion()).isFalse();
        assertThat(search.search(reader, SearchRequest.text("tong ket van thu")).hits())
                .extracting(SearchResult.Hit::id).containsExactly("new-1");
        assertThat(older).doesNotExist();
        index.close();
    }
}
