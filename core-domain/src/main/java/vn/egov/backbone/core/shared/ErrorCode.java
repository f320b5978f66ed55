package vn.egov.backbone.core.shared;

import java.util.Locale;

/**
 * A stable name for one reason a request is refused. Each feature lists its reasons in an enum that
 * implements this interface; the code is the feature and the constant, e.g. {@code meeting.vote-closed}
 * for {@code MeetingError.VOTE_CLOSED}. Clients act on the code, so a constant's name is part of the API:
 * rename it only as a breaking change.
 *
 * <p>The message for a code is in the module's message bundle under {@code error.<code>}, in Vietnamese
 * ({@code messages….properties}) and English ({@code …_en.properties}); arguments are numbered
 * ({@code {0}}, {@code {1}}) as in {@link java.text.MessageFormat}. {@code ErrorCatalogueTest} checks that
 * every code has both.
 */
public interface ErrorCode {
    /** The feature the code belongs to and the first part of the code, e.g. {@code meeting}. */
    String feature();

    /** Provided by the enum. */
    String name();

    default String code() {
        return feature() + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
