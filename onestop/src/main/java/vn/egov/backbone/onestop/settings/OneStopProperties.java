package vn.egov.backbone.onestop.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import java.time.LocalDate;
import java.util.List;

/**
 * The one-stop desk's settings ({@code backbone.public.*}, {@code backbone.kpi.*}, {@code backbone.calendar.*}).
 * A wrong value stops the start with a message that names the setting.
 *
 * @param citizens {@code lookups-per-minute}: a citizen's lookups of dossiers per client address and minute
 * @param kpi      the KPI projection's batch size and (at its first start) segments
 * @param calendar the government's yearly days off and days worked, ISO dates
 */
@Validated
@ConfigurationProperties("backbone")
public record OneStopProperties(@Name("public") @Valid @DefaultValue Citizens citizens, @Valid @DefaultValue Kpi kpi,
                                @DefaultValue Calendar calendar) {

    /**
     * @param idNumberClaim the ID token claim of the national identity provider that carries the 12-digit
     *                      identity number (số định danh cá nhân)
     * @param nameClaim     the claim with the person's full name
     * @param verifiedIdentityRequired the procedures (codes) whose online submission needs a VNeID sign-in: a typed,
     *                      unverified identity number is refused for them; {@code *} for every procedure
     */
    public record Citizens(@DefaultValue("30") @Min(1) @Max(10_000) int lookupsPerMinute,
                           @DefaultValue("id_number") String idNumberClaim, @DefaultValue("name") String nameClaim,
                           List<String> verifiedIdentityRequired) {
        public Citizens {
            verifiedIdentityRequired = verifiedIdentityRequired == null ? List.of() : List.copyOf(verifiedIdentityRequired);
        }

        public boolean requiresVerifiedIdentity(String procedureCode) {
            return verifiedIdentityRequired.contains("*") || verifiedIdentityRequired.contains(procedureCode);
        }
    }

    public record Kpi(@DefaultValue("250") @Min(1) @Max(1_000) int batchSize, @DefaultValue("4") @Min(1) @Max(64) int segments) {
    }

    public record Calendar(List<LocalDate> daysOff, List<LocalDate> daysWorked) {
        public Calendar {
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            daysWorked = daysWorked == null ? List.of() : List.copyOf(daysWorked);
        }
    }
}
