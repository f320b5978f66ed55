package vn.egov.backbone.search.query;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.search.index.SearchFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names people read for facet values: agency names, document types, statuses, in the page's language. */
@Component
class FacetLabels {
    private final UnitQueries units;
    private final MessageSource messages;

    FacetLabels(UnitQueries units, MessageSource messages) {
        this.units = units;
        this.messages = messages;
    }

    SearchResult labelled(SearchResult result) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        result.facets().forEach((field, values) -> facets.put(field, values.stream()
                .map(v -> new SearchResult.FacetValue(v.value(), label(field, v.value()), v.count())).toList()));
        return new SearchResult(result.total(), result.page(), result.size(), result.hits(), facets);
    }

    String label(String field, String value) {
        return switch (field) {
            case SearchFields.AGENCY -> units.find(value).map(UnitView::name).orElse(value);
            case SearchFields.TYPE -> typeLabel(value);
            case SearchFields.KIND -> message("direction." + value, value);
            case SearchFields.URGENCY -> message("urgency." + value, value);
            case SearchFields.STATUS -> message("docstatus." + value, value);
            default -> value;
        };
    }

    private static String typeLabel(String value) {
        try {
            return DocumentType.valueOf(value).label();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
