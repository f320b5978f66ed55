package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the index (a node's shutdown) lets the once-a-second commit under way finish. It interrupted it: an
 * interrupt inside IndexWriter's fsync (ClosedByInterruptException) left a prepared commit behind, after which the
 * writer could not be closed ("cannot close: prepareCommit was already called"), kept the folder's lock and lost the
 * last second's changes; an interrupt while it wrote a file closed the writer for good.
 */
class IndexClosingTest {
    @TempDir
    Path dir;

    @Test
    void closeWaitsForTheCommitUnderWayInsteadOfInterruptingIt() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        SearchIndex index = new SearchIndex(dir.toString(), json);
        IndexedRecord record = new IndexedRecord("d1", "INCOMING");
        record.subject = "Công văn";
        record.classification = "NONE";
        index.put(record, "nội dung", true);
        index.publish(Map.of("position", "7"));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                index.close();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "closer");
        synchronized (index) {
            // the maintenance thread commits under the index's lock at least once a second: holding the lock parks
            // it at the commit's door, where an interrupt stays pending until it is inside
            Thread maintenance = awaitThread("search-index-refresh", Thread.State.BLOCKED);
            closer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (closer.getState() != Thread.State.TIMED_WAITING && closer.getState() != Thread.State.TERMINATED
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(maintenance.isInterrupted()).as("the commit's thread was interrupted").isFalse();
            assertThat(closer.getState()).as("close() returned before the commit under way had run")
                    .isNotEqualTo(Thread.State.TERMINATED);
        }
        closer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closer.isAlive()).isFalse();
        assertThat(failure.get()).isNull();

        SearchIndex reopened = new SearchIndex(dir.toString(), json);
        assertThat(reopened.commitData()).containsEntry("position", "7");
        assertThat(reopened.load("d1")).get().extracting(stored -> stored.body()).isEqualTo("nội dung");
        reopened.close();
    }

    private static Thread awaitThread(String name, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(name) && thread.getState() == state) {
                    return thread;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no thread " + name + " in state " + state + " within 60 s");
    }
}
