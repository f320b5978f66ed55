package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.query.SearchRequest;
import vn.egov.backbone.search.query.SearchResult;
import vn.egov.backbone.search.query.SearchQueries;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new schema version builds beside the old one, which answers queries until the new one is complete — with the
 * fields of its own version: schema 4 held the subject, issuer, body and attachments' text in four analysed fields,
 * schema 5 in one.
 */
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
        archived.issuer = "Văn phòng UBND tỉnh";
        String body = "Đề nghị các xã, phường gửi số liệu chỉnh lý hồ sơ trước ngày 15/12.";
        try (FSDirectory dir = FSDirectory.open(older);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(VietnameseAnalysis.forIndexing()))) {
            writer.addDocument(asSchemaFour(SearchFields.toDocument(archived, body, json.writeValueAsBytes(archived)),
                    archived, body));
            writer.setLiveCommitData(Map.of("built", "true").entrySet());
            writer.commit();
        }

        SearchIndex index = new SearchIndex(root.toString(), json);
        SearchQueries search = new SearchQueries(index);
        ReaderScope reader = new ReaderScope("o", false, Set.of("A"), Set.of(), Set.of(), Set.of());
        assertThat(index.status().servingOlderVersion()).isTrue();
        assertThat(search.search(reader, SearchRequest.text("tong ket van thu")).hits())
                .extracting(SearchResult.Hit::id).containsExactly("old-1");
        assertThat(search.search(reader, SearchRequest.text("số liệu chỉnh lý hồ sơ của các xã gửi khi nào")).hits())
                .extracting(SearchResult.Hit::id).containsExactly("old-1");
        assertThat(search.search(reader, SearchRequest.text("\"chinh ly ho so\" van phong")).hits())
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

    /** The document as schema 4 wrote it: each text in an analysed field of its own, no {@code all_text}. */
    private static Document asSchemaFour(Document document, IndexedRecord record, String body) {
        document.removeFields(SearchFields.ALL_TEXT);
        document.add(new TextField("issuer_text", record.issuer, Field.Store.NO));
        document.add(new TextField("body_text", body, Field.Store.NO));
        return document;
    }
}
