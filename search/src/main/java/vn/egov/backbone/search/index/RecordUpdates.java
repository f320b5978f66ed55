package vn.egov.backbone.search.index;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an indexer applies an event to a record: load it (or start it), skip an event it has seen (the
 * record keeps the sequence number of the last one, so a batch replayed after a crash changes
 * nothing twice), change it, write it back with its body.
 */
@Component
public class RecordUpdates {
    private final SearchIndex index;
    /**
     * Indexers (the event processors) change records under the read lock, side by side as before; a
     * change from outside the events ({@link #changeAll}) takes the write lock, so that it neither
     * misses a record an indexer is writing nor is overwritten by an indexer's older copy.
     */
    private final ReadWriteLock changes = new ReentrantReadWriteLock();

    public RecordUpdates(SearchIndex index) {
        this.index = index;
    }

    public void apply(String id, String kind, DomainEventMessage<?> message, Consumer<IndexedRecord> change) {
        apply(id, kind, message, change, null);
    }

    /** @param newBody the record's new body, or null to keep the one it has */
    public void apply(String id, String kind, DomainEventMessage<?> message, Consumer<IndexedRecord> change,
                      Function<IndexedRecord, String> newBody) {
        changes.readLock().lock();
        try {
            applyLocked(id, kind, message, change, newBody);
        } finally {
            changes.readLock().unlock();
        }
    }

    /**
     * Changes every record {@code ids} names, for what is not an event of its own: the words of a scan,
     * read after the documents holding it were indexed. The event sequence the record has seen stays.
     */
    public void changeAll(Function<SearchIndex, List<String>> ids, Consumer<IndexedRecord> change) {
        changes.writeLock().lock();
        try {
            for (String id : ids.apply(index)) {
                index.load(id).ifPresent(stored -> {
                    change.accept(stored.record());
                    index.put(stored.record(), stored.body(), false);
                });
            }
        } finally {
            changes.writeLock().unlock();
        }
    }

    private void applyLocked(String id, String kind, DomainEventMessage<?> message, Consumer<IndexedRecord> change,
                             Function<IndexedRecord, String> newBody) {
        Optional<SearchIndex.Stored> existing = index.load(id);
        if (existing.isEmpty() && message.getSequenceNumber() > 0) {
            // every record starts with its aggregate's first event; one gone from the index (destroyed
            // with its work file) is not brought back, half empty, by a later event of its document
            return;
        }
        IndexedRecord record = existing.map(SearchIndex.Stored::record).orElseGet(() -> new IndexedRecord(id, kind));
        if (message.getSequenceNumber() <= record.lastSequence) {
            return;
        }
        String body = newBody != null ? newBody.apply(record) : existing.map(SearchIndex.Stored::body).orElse(null);
        change.accept(record);
        record.lastSequence = message.getSequenceNumber();
        index.put(record, body, existing.isEmpty());
    }
}
