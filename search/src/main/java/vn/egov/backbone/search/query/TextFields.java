package vn.egov.backbone.search.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;
import vn.egov.backbone.search.index.SearchFields;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a query finds a record's analysed text. An index of this schema holds it in one field
 * ({@link SearchFields#ALL_TEXT}); an index written before schema 5 held subject, issuer, body and the
 * attachments' text in four, and still answers queries while the new one is built from the event store
 * ({@code SearchIndex} serves the older complete version meanwhile), so both are read. The older layout can go
 * when no node keeps an index older than schema 5.
 */
enum TextFields {
    /** Schema 5 on. */
    ONE_FIELD {
        @Override
        Query syllable(String foldedToken, String exactToken) {
            SynonymQuery.Builder forms = new SynonymQuery.Builder(SearchFields.ALL_TEXT)
                    .addTerm(new Term(SearchFields.ALL_TEXT, foldedToken));
            if (exactToken != null) {
                forms.addTerm(new Term(SearchFields.ALL_TEXT, exactToken));
            }
            return forms.build();
        }

        @Override
        Map<String, Float> weighted() {
            // ALL_TEXT holds the subject as well: a phrase of the subject scores 2 + 1
            return Map.of(SearchFields.SUBJECT_TEXT, 2f, SearchFields.ALL_TEXT, 1f);
        }

        @Override
        int holding(IndexReader reader, String foldedSyllable) throws IOException {
            return reader.docFreq(new Term(SearchFields.ALL_TEXT, foldedSyllable));
        }

        @Override
        String whole() {
            return SearchFields.ALL_TEXT;
        }
    },
    /** Schemas 1 to 4: the syllable scored over the four fields as one (BM25F), as those versions did. */
    FOUR_FIELDS {
        private static final String ISSUER = "issuer_text";
        private static final String BODY = "body_text";
        private static final String ATTACHMENTS = "attachments_text";

        @Override
        Query syllable(String foldedToken, String exactToken) {
            CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
            List.of(SearchFields.SUBJECT_TEXT, ISSUER, BODY, ATTACHMENTS).forEach(combined::addField);
            combined.addTerm(new BytesRef(foldedToken));
            if (exactToken != null) {
                combined.addTerm(new BytesRef(exactToken));
            }
            return combined.build();
        }

        @Override
        Map<String, Float> weighted() {
            return Map.of(SearchFields.SUBJECT_TEXT, 3f, ISSUER, 1.5f, BODY, 1f, ATTACHMENTS, 0.7f);
        }

        @Override
        int holding(IndexReader reader, String foldedSyllable) throws IOException {
            return Math.max(reader.docFreq(new Term(BODY, foldedSyllable)),
                    reader.docFreq(new Term(SearchFields.SUBJECT_TEXT, foldedSyllable)));
        }

        @Override
        String whole() {
            return BODY;
        }
    };

    /** The layout of the index a reader reads. */
    static TextFields of(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(SearchFields.ALL_TEXT) != null) {
                return ONE_FIELD;
            }
            if (leaf.reader().getFieldInfos().fieldInfo(SearchFields.SUBJECT_TEXT) != null) {
                return FOUR_FIELDS;
            }
        }
        return ONE_FIELD;
    }

    /** One syllable in its folded form, and in its exact form where typed with diacritics, anywhere in the text. */
    abstract Query syllable(String foldedToken, String exactToken);

    /** The fields phrases and one-edit matches look in, with their weights: the subject says more than the body. */
    abstract Map<String, Float> weighted();

    /** How many records hold a folded syllable in their text (hidden ones included). */
    abstract int holding(IndexReader reader, String foldedSyllable) throws IOException;

    /** The field that stands for a record's whole text ("more like this"). */
    abstract String whole();
}
