package vn.egov.backbone.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.search.index.SearchFields;

import java.util.Collection;
import java.util.List;

/** {@link ReaderScope} as a Lucene query over the access fields: the same rule as the SQL read models. */
final class AccessFilter {
    private AccessFilter() {
    }

    static Query of(ReaderScope scope) {
        Query onTheDocument = anyOf(
                new TermQuery(new Term(SearchFields.ACL_OFFICIAL, scope.officialId())),
                in(SearchFields.ACL_UNIT, scope.units()));
        Query unclassified = allOf(
                new TermQuery(new Term(SearchFields.CLASSIFICATION, Classification.NONE.name())),
                anyOf(scope.everywhere() ? new MatchAllDocsQuery() : in(SearchFields.AGENCY, scope.agencies()), onTheDocument));
        Query classified = allOf(
                in(SearchFields.CLASSIFICATION, scope.classifications().stream().map(Enum::name).toList()),
                anyOf(onTheDocument, in(SearchFields.AGENCY, scope.leaderAgencies())));
        return anyOf(unclassified, classified);
    }

    private static Query in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static Query anyOf(Query... queries) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List.of(queries).forEach(q -> any.add(q, Occur.SHOULD));
        return any.setMinimumNumberShouldMatch(1).build();
    }

    private static Query allOf(Query... queries) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List.of(queries).forEach(q -> all.add(q, Occur.FILTER));
        return all.build();
    }
}
