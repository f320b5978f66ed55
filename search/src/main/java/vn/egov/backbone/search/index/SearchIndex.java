package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Lucene index on local disk, {@code <data-dir>/search/v<schema version>}, written by the search
 * projection and read near-real-time by queries.
 * <p>
 * The projection's position in the event stream is kept in the index's own commit data (see
 * {@link IndexTokenStore}), so documents and position are committed together: an index wiped from
 * disk, or a new schema version, starts from the beginning of the event store, and every node keeps
 * its own complete index. While a new version is being built, the newest complete older version keeps
 * serving queries; it is deleted once the new one has caught up.
 */
public class SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /** Commit data key: set once the index has caught up with the event store for the first time. */
    private static final String BUILT = "built";

    private final Path root;
    private final Path current;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager building;
    private final ObjectMapper json;
    private final Analyzer exact;
    private final Analyzer folded;
    /** Records written but perhaps not yet visible to the NRT searcher, for the next event on them. */
    private final Map<String, Stored> pending = new ConcurrentHashMap<>();
    private volatile Serving serving;
    /**
     * New writes become visible to a query at most this old; without queries, the index refreshes once
     * a second, so that a burst of writes (a rebuild) is not cut into tiny segments.
     */
    static final long REFRESH_MILLIS = 100;
    private static final long IDLE_REFRESH_MILLIS = 1000;
    private volatile long lastRefresh = System.nanoTime();
    private boolean dataChanged;
    private volatile boolean unrefreshed;
    private long lastCommit = System.nanoTime();
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** A record with its body, which is stored beside it. */
    public record Stored(IndexedRecord record, String body) {
    }

    /** What queries read: the index being written, or an older complete version until that one is built. */
    private record Serving(SearcherManager searchers, Directory olderDirectory, Path olderPath) {
    }

    /** Made by {@link SearchConfiguration#searchIndex} for the node, by tests on a folder of theirs. */
    public SearchIndex(String searchDir, ObjectMapper json)
            throws IOException {
        this.json = json;
        this.exact = VietnameseAnalysis.exact();
        this.folded = VietnameseAnalysis.folded();
        this.root = Path.of(searchDir);
        this.current = root.resolve("v" + SearchFields.SCHEMA_VERSION);
        Files.createDirectories(current);
        this.directory = FSDirectory.open(current);
        IndexWriterConfig config = new IndexWriterConfig(VietnameseAnalysis.forIndexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128)
                // refreshes flush many small segments: writing each once, not again into a compound file
                .setUseCompoundFile(false);
        this.writer = new IndexWriter(directory, config);
        this.building = new SearcherManager(writer, true, false, new SearcherFactory());
        this.serving = isBuilt() ? new Serving(building, null, null) : olderCompleteVersion().orElse(new Serving(building, null, null));
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                maintain();
            } catch (RuntimeException e) {
                log.error("Search index refresh or commit failed; trying again", e);
            }
        }, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Analyzer exactAnalyzer() {
        return exact;
    }

    public Analyzer foldedAnalyzer() {
        return folded;
    }

    // ---- writing (the projection's thread) ------------------------------------------------------

    /** The record and its body as last written, or empty if the index has never seen it. */
    public Optional<Stored> load(String id) {
        Stored written = pending.get(id);
        return written != null ? Optional.of(written) : stored(building, id);
    }

    /**
     * Writes a record. {@code isNew} says the index has never held it ({@link #load} found nothing): it is
     * then added without looking for an old version to delete, which would cost a term lookup in every
     * segment at each flush.
     */
    public void put(IndexedRecord record, String body, boolean isNew) {
        try {
            Document doc = SearchFields.toDocument(record, body, json.writeValueAsBytes(record));
            if (isNew) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term(SearchFields.ID, record.id), doc);
            }
            pending.put(record.id, new Stored(record, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the records that hold a file, everything written so far included. */
    public List<String> idsWithAttachment(String sha256) {
        refresh();
        try {
            IndexSearcher searcher = building.acquire();
            try {
                List<String> ids = new ArrayList<>();
                TermQuery holding = new TermQuery(new Term(SearchFields.ATTACHMENT_FILE, sha256));
                int holders = searcher.count(holding); // a page of hits as large as the index would be allocated otherwise
                if (holders == 0) {
                    return ids;
                }
                for (ScoreDoc hit : searcher.search(holding, holders).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc, Set.of(SearchFields.ID)).get(SearchFields.ID));
                }
                return ids;
            } finally {
                building.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(SearchFields.ID, id));
            pending.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the records and rewrites the segments that held them, then commits: a deleted document
     * otherwise stays in its segment's files (stored fields, terms) until a merge happens to take it,
     * which for destroyed documents and erased data is not soon enough. Costs a merge of the segments
     * concerned; called for destructions, which are rare.
     */
    public synchronized void purge(Collection<String> ids) {
        try {
            ids.forEach(this::delete);
            writer.commit(); // forceMergeDeletes only sees deletions that were flushed (seen: the segment kept)
            writer.forceMergeDeletes(true);
            writer.commit();
            dataChanged = false;
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
            pending.clear();
            updateCommitData(data -> data.remove(BUILT), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the position (the processor's tokens) that everything written so far reflects. A query
     * sees it if it is older than {@link #REFRESH_MILLIS} ms (the query refreshes the searcher); it is durable
     * within a second ({@link #commitIfChanged}). After a crash the index and its tokens are back at the
     * last commit together, and the events since are applied again, which changes nothing twice (see
     * {@link IndexedRecord#lastSequence}). Refreshing on a clock rather than per batch keeps a burst of
     * small batches from flushing a tiny segment each.
     */
    public synchronized void publish(Map<String, String> data) {
        writer.setLiveCommitData(Map.copyOf(data).entrySet());
        dataChanged = true;
        unrefreshed = true;
    }

    /** Like {@link #publish}, durable and visible before it returns: for segment changes and rebuilds. */
    public synchronized void commit(Map<String, String> data) {
        writer.setLiveCommitData(Map.copyOf(data).entrySet());
        dataChanged = true;
        commitIfChanged();
        refresh();
    }

    /** Commits what was published since the last commit; runs every second and on shutdown. */
    public synchronized void commitIfChanged() {
        try {
            if (dataChanged || writer.hasUncommittedChanges()) {
                writer.commit();
                dataChanged = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far visible to queries. */
    public void refresh() {
        Map<String, Stored> written = Map.copyOf(pending);
        unrefreshed = false;
        lastRefresh = System.nanoTime();
        try {
            building.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only the very entries copied above, by identity: an indexer changes its record in place, so the
        // entry a writer thread put meanwhile (the record's next version) is equal to the one copied, and
        // Map.remove(key, value) would drop it — then the next event on that record loaded the version
        // before from a reader opened before that write, and the change was lost.
        written.forEach((id, copied) -> pending.computeIfPresent(id, (key, current) -> current == copied ? null : current));
    }

    private void maintain() {
        if ((unrefreshed || !pending.isEmpty())
                && System.nanoTime() - lastRefresh > TimeUnit.MILLISECONDS.toNanos(IDLE_REFRESH_MILLIS)) {
            refresh();
        }
        if (System.nanoTime() - lastCommit > TimeUnit.SECONDS.toNanos(1)) {
            commitIfChanged();
            lastCommit = System.nanoTime();
        }
    }

    /**
     * Changes the commit data under the index's lock (so that the token store and {@link #markBuilt}
     * cannot overwrite each other's keys), then publishes it or, if {@code durable}, commits it.
     */
    public synchronized void updateCommitData(java.util.function.Consumer<Map<String, String>> change, boolean durable) {
        Map<String, String> data = commitData();
        change.accept(data);
        if (durable) {
            commit(data);
        } else {
            publish(data);
        }
    }

    /** The commit data of the last commit (or set for the next one). */
    public synchronized Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    public boolean isBuilt() {
        return "true".equals(commitData().get(BUILT));
    }

    /** The projection has caught up with the event store: this version serves from now on. */
    public synchronized void markBuilt() {
        if (isBuilt()) {
            return;
        }
        updateCommitData(data -> data.put(BUILT, "true"), true);
        Serving old = serving;
        serving = new Serving(building, null, null);
        if (old.olderDirectory() != null) {
            log.info("Search index v{} is built; removing {}", SearchFields.SCHEMA_VERSION, old.olderPath());
            try {
                old.searchers().close();
                old.olderDirectory().close();
                deleteRecursively(old.olderPath());
            } catch (IOException e) {
                log.warn("Could not remove the old search index {}: {}", old.olderPath(), e.getMessage());
            }
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** Work on a searcher over the whole index, without any access filter: callers add {@code VisibleDocuments}. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    public <T> T read(Reading<T> work) {
        if (unrefreshed && System.nanoTime() - lastRefresh > TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS)) {
            refresh();
        }
        SearcherManager manager = serving.searchers();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return work.read(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IndexedRecord record(Document stored) {
        try {
            return json.readValue(stored.getBinaryValue(SearchFields.STATE).bytes, IndexedRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Status(int schemaVersion, boolean built, boolean servingOlderVersion, int documents) {
    }

    public Status status() {
        return new Status(SearchFields.SCHEMA_VERSION, isBuilt(), serving.olderDirectory() != null, writer.getDocStats().numDocs);
    }

    /**
     * Lets the refresh or commit under way finish, then closes, which commits what was published since. The
     * maintenance thread is not interrupted: an interrupt inside IndexWriter's fsync left a prepared commit behind,
     * after which the writer could not be closed (it kept the folder's lock), and one while it wrote a file closed
     * the writer for good (IndexClosingTest).
     */
    @PreDestroy
    public void close() throws IOException {
        maintenance.shutdown();
        try {
            if (!maintenance.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("Search index refresh or commit still running after a minute; closing the index beside it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Serving now = serving;
        if (now.olderDirectory() != null) {
            now.searchers().close();
            now.olderDirectory().close();
        }
        building.close();
        writer.close();
        directory.close();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * The record with this id, looked up as a primary key: the id's term is sought in each segment,
     * newest first, and the first live document holding it is read. An indexer does this for every
     * event; a scored {@code TermQuery} built a weight and term statistics over all segments for
     * each lookup.
     */
    private Optional<Stored> stored(SearcherManager manager, String id) {
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                BytesRef key = new BytesRef(id);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                PostingsEnum postings = null;
                for (int i = leaves.size() - 1; i >= 0; i--) {
                    LeafReader leaf = leaves.get(i).reader();
                    Terms ids = leaf.terms(SearchFields.ID);
                    if (ids == null) {
                        continue;
                    }
                    TermsEnum terms = ids.iterator();
                    if (!terms.seekExact(key)) {
                        continue;
                    }
                    postings = terms.postings(postings, PostingsEnum.NONE);
                    Bits live = leaf.getLiveDocs();
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            Document found = leaf.storedFields().document(doc);
                            return Optional.of(new Stored(record(found), found.get(SearchFields.BODY)));
                        }
                    }
                }
                return Optional.empty();
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Serving> olderCompleteVersion() throws IOException {
        List<Path> older;
        try (Stream<Path> dirs = Files.list(root)) {
            older = dirs.filter(p -> p.getFileName().toString().matches("v\\d+") && !p.equals(current))
                    .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString().substring(1)))
                            .reversed())
                    .toList();
        }
        for (Path path : older) {
            Directory dir = FSDirectory.open(path);
            if (DirectoryReader.indexExists(dir)) {
                DirectoryReader reader = DirectoryReader.open(dir);
                if ("true".equals(reader.getIndexCommit().getUserData().get(BUILT))) {
                    log.info("Search index v{} is being built; {} serves queries meanwhile", SearchFields.SCHEMA_VERSION, path);
                    return Optional.of(new Serving(new SearcherManager(reader, new SearcherFactory()), dir, path));
                }
                reader.close();
            }
            dir.close();
        }
        return Optional.empty();
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
