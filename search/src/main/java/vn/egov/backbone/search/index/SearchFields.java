package vn.egov.backbone.search.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.util.List;
import java.util.Set;

/**
 * The index schema: field names and how an {@link IndexedRecord} becomes a Lucene document. Change
 * anything here or in {@link VietnameseAnalysis} and raise {@link #SCHEMA_VERSION}: the index is
 * then rebuilt from the event store beside the old one.
 */
public final class SearchFields {
    // 2: meetings and dossiers are indexed too; 3: pairs of adjacent syllables of the subject;
    // 4: pairs of adjacent syllables of the body and the attachments' text; the attachments' files;
    // 5: subject, issuer, body and attachments' text indexed together as one field (ALL_TEXT)
    public static final int SCHEMA_VERSION = 5;

    public static final String ID = "id";
    public static final String STATE = "state";
    public static final String NUMBER = "number";
    public static final String DATE = "date";
    public static final String YEAR = "year";

    // stored text: the subject and the body, for the hit and its snippets
    public static final String SUBJECT = "subject";
    public static final String BODY = "body";
    /** The subject, analysed (exact and folded forms): its phrases weigh more, and suggestions complete it. */
    public static final String SUBJECT_TEXT = "subject_text";
    /**
     * Subject, issuer, body and the attachments' text analysed as one field, the values apart by
     * {@link #VALUE_GAP} positions. A syllable is scored here, over the record's whole text: scored per field and
     * summed, a syllable that a record repeats in subject and body counted several times and short records whose
     * subject held a question's words ranked above the clause that answers it. Until schema 4 the four fields were
     * scored as one at query time (BM25F, Lucene's {@code CombinedFieldQuery}, every weight one): each syllable of a
     * question merged eight postings lists and read four norms per matching record (README, "Search", schema v5).
     */
    public static final String ALL_TEXT = "all_text";
    /** Positions between the values of {@link #ALL_TEXT}, so a phrase does not run from the subject into the issuer. */
    public static final int VALUE_GAP = 100;
    /** The subject's adjacent syllables, folded, as terms ({@code quyet dinh}): the adjacency boost. */
    public static final String SUBJECT_PAIRS = "subject_pairs";
    /** The same pairs of the body and the attachments' text: a question's words found together in the text. */
    public static final String TEXT_PAIRS = "text_pairs";
    public static final Set<String> PAIR_FIELDS = Set.of(SUBJECT_PAIRS, TEXT_PAIRS);
    /** The SHA-256 of each attached file: which records take the words of a scan once they are read. */
    public static final String ATTACHMENT_FILE = "attachment_file";
    /** Pairs are matched as terms: their positions are never read. */
    private static final FieldType PAIRS = pairsType();

    // keywords for filters and facets
    public static final String KIND = "kind";
    public static final String TYPE = "type";
    public static final String ISSUER = "issuer";
    public static final String AGENCY = "agency";
    public static final String URGENCY = "urgency";
    public static final String STATUS = "status";
    public static final String CLASSIFICATION = "classification";
    public static final List<String> FACETS = List.of(KIND, TYPE, ISSUER, AGENCY, URGENCY, YEAR, STATUS);

    // who may read: see ReaderScope
    public static final String ACL_OFFICIAL = "acl_official";
    public static final String ACL_UNIT = "acl_unit";

    private SearchFields() {
    }

    public static Document toDocument(IndexedRecord record, String body, byte[] state) {
        Document doc = new Document();
        doc.add(new StringField(ID, record.id, Field.Store.YES));
        doc.add(new StoredField(STATE, state));
        if (record.number != null) {
            doc.add(new StringField(NUMBER, VietnameseAnalysis.documentNumber(record.number), Field.Store.NO));
        }
        if (record.subject != null && !record.subject.isBlank()) {
            doc.add(new StoredField(SUBJECT, record.subject));
            doc.add(new TextField(SUBJECT_TEXT, record.subject, Field.Store.NO));
            doc.add(new Field(SUBJECT_PAIRS, record.subject, PAIRS));
        }
        if (body != null && !body.isBlank()) {
            doc.add(new StoredField(BODY, body));
        }
        String attachments = String.join("\n", record.attachments.values());
        for (String value : new String[] {record.subject, record.issuer, body, attachments}) {
            if (value != null && !value.isBlank()) {
                doc.add(new TextField(ALL_TEXT, value, Field.Store.NO));
            }
        }
        String text = body == null ? attachments : body + "\n" + attachments;
        if (!text.isBlank()) {
            doc.add(new Field(TEXT_PAIRS, text, PAIRS));
        }
        record.attachmentFiles.values().stream().distinct()
                .forEach(sha256 -> doc.add(new StringField(ATTACHMENT_FILE, sha256, Field.Store.NO)));
        keyword(doc, KIND, record.kind);
        keyword(doc, TYPE, record.type);
        keyword(doc, ISSUER, record.issuer);
        keyword(doc, AGENCY, record.agencyId);
        keyword(doc, URGENCY, record.urgency);
        keyword(doc, STATUS, record.status);
        keyword(doc, CLASSIFICATION, record.classification);
        if (record.date() != null) {
            long day = record.date().toEpochDay();
            doc.add(new LongPoint(DATE, day));
            doc.add(new NumericDocValuesField(DATE, day));
            int year = record.date().getYear();
            doc.add(new IntPoint(YEAR, year));
            doc.add(new SortedDocValuesField(YEAR, new BytesRef(Integer.toString(year))));
        }
        for (String official : record.participants) {
            doc.add(new StringField(ACL_OFFICIAL, official, Field.Store.NO));
        }
        for (String unit : record.assignedUnits) {
            doc.add(new StringField(ACL_UNIT, unit, Field.Store.NO));
        }
        return doc;
    }

    private static FieldType pairsType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
