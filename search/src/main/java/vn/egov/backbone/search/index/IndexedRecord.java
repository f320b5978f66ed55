package vn.egov.backbone.search.index;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One searchable record as the index keeps it between events: what is searched, filtered and shown,
 * and who may read it. Stored with the Lucene document (as JSON) so that the next event about the
 * same record can update it without asking any other read model. The body is stored beside it, as
 * its own field, because the highlighter reads it from there.
 */
public class IndexedRecord {
    public String id;
    /** INCOMING, OUTGOING (and later kinds of record: minutes, conclusions, dossiers). */
    public String kind;
    public String agencyId;
    /** Số, ký hiệu: {@code 1588/QĐ-TTg}. */
    public String number;
    public Integer registerYear;
    public Long registerNumber;
    public String issuer;
    public String type;
    public String subject;
    public String urgency;
    public String classification;
    public String status;
    public LocalDate issuedOn;
    public LocalDate receivedOn;
    public LocalDate createdOn;
    public String instruction;
    /** Officials with a role on the record (registered, assigned, drafted, reviewed, approved, issued it). */
    public Set<String> participants = new LinkedHashSet<>();
    /** Departments assigned to it as a whole. */
    public Set<String> assignedUnits = new LinkedHashSet<>();
    /** Attachment id to its extracted text. */
    public Map<String, String> attachments = new LinkedHashMap<>();
    /** Attachment id to its file (SHA-256): a scan's words, read later, go to every record holding the file. */
    public Map<String, String> attachmentFiles = new LinkedHashMap<>();
    /** The aggregate sequence number of the last event applied: an event at or below it was seen already. */
    public long lastSequence = -1;

    public IndexedRecord() {
    }

    public IndexedRecord(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The date lists and date filters use: issued, else received, else created. */
    public LocalDate date() {
        return issuedOn != null ? issuedOn : receivedOn != null ? receivedOn : createdOn;
    }
}
