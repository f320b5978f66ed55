package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An indexer loads the record an event changes by its id, across the segments the refreshes cut:
 * the live version, never one an update or a destruction replaced.
 */
class RecordLookupTest {
    @TempDir
    Path root;

    @Test
    void loadsTheLiveVersionOfARecordAcrossSegments() throws Exception {
        SearchIndex index = new SearchIndex(root.toString(), JsonMapper.builder().findAndAddModules().build());
        try {
            index.put(record("cv-1", "Công văn về việc triển khai chính quyền hai cấp"), "Nội dung lần đầu", true);
            index.put(record("cv-2", "Báo cáo tình hình thu ngân sách quý III"), null, true);
            index.refresh();
            assertThat(index.load("cv-1")).get().extracting(s -> s.record().subject)
                    .isEqualTo("Công văn về việc triển khai chính quyền hai cấp");

            index.put(record("cv-1", "Công văn về việc sắp xếp đơn vị hành chính cấp xã"), "Nội dung sửa đổi", false);
            index.refresh();
            index.put(record("cv-3", "Kế hoạch chuyển đổi số năm 2026"), null, true);
            index.refresh();
            SearchIndex.Stored updated = index.load("cv-1").orElseThrow();
            assertThat(updated.record().subject).as("the replaced version in the first segment is not live")
                    .isEqualTo("Công văn về việc sắp xếp đơn vị hành chính cấp xã");
            assertThat(updated.body()).isEqualTo("Nội dung sửa đổi");

            index.delete("cv-2");
            index.refresh();
            assertThat(index.load("cv-2")).as("destroyed").isEmpty();
            assertThat(index.load("cv-9")).as("never indexed").isEmpty();
            assertThat(index.load("cv-3")).isPresent();
        } finally {
            index.close();
        }
    }

    /** Erasure is in the files too: a destroyed document's words are not left in a segment waiting for a merge. */
    @Test
    void aPurgedRecordLeavesNothingInTheIndexFiles() throws Exception {
        SearchIndex index = new SearchIndex(root.toString(), JsonMapper.builder().findAndAddModules().build());
        try {
            index.put(record("cv-1", "Báo cáo công tác phòng chống thiên tai"),
                    "Phương án di dời 37 hộ dân bản Pù Nhi khỏi vùng sạt lở", true);
            index.put(record("cv-2", "Kế hoạch chuyển đổi số năm 2026"), "Nội dung công khai", true);
            index.commit(Map.of());
            // (stored fields are LZ4-compressed: words, not the whole sentence, are found in the files as they are)
            assertThat(filesContain("Pù Nhi")).as("the check sees the stored text").isTrue();

            index.purge(List.of("cv-1"));
            assertThat(filesContain("Pù Nhi")).isFalse();
            assertThat(index.load("cv-1")).isEmpty();
            assertThat(index.load("cv-2")).isPresent();
        } finally {
            index.close();
        }
    }

    private boolean filesContain(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static IndexedRecord record(String id, String subject) {
        IndexedRecord record = new IndexedRecord(id, "INCOMING");
        record.subject = subject;
        record.classification = "NONE";
        record.agencyId = "UBND";
        return record;
    }
}
