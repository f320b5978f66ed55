package vn.egov.backbone.onestop.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The one-stop desk's settings ({@code backbone.public.*}, {@code backbone.kpi.*}, {@code backbone.calendar.*}).
 * A wrong value stops the start with a message that names the setting.
 *
 * @param citizens {@code lookups-per-minute}: a citizen's lookups of dossiers per client address and minute
 * @param kpi      the KPI projection's batch size and (at its first start) segments
 * @param calendar the government's yearly days off and days worked, ISO dates
 * @param nationalPortal the synchronisation of dossiers with the National Public Service Portal
 *                 ({@code backbone.national-portal.*}); off while {@code url} is empty
 */
@Validated
@ConfigurationProperties("backbone")
public record OneStopProperties(@Name("public") @Valid @DefaultValue Citizens citizens, @Valid @DefaultValue Kpi kpi,
                                @DefaultValue Calendar calendar,
                                @Name("national-portal") @Valid @DefaultValue NationalPortal nationalPortal) {

    /**
     * @param idNumberClaim the ID token claim of the national identity provider that carries the 12-digit
     *                      identity number (số định danh cá nhân)
     * @param nameClaim     the claim with the person's full name
     * @param verifiedIdentityRequired the procedures (codes) whose online submission needs a VNeID sign-in: a typed,
     *                      unverified identity number is refused for them; {@code *} for every procedure
     * @param serviceCentreCodes the last part of the codes of public-service centres, the one-stop desks of their
     *                      commune or province: their officials receive the dossiers of the units of that level
     * @param providerTimeout the longest wait for the identity provider (VNeID) in a citizen's sign-in: to connect,
     *                      and for each next bytes of an answer; longer, and the sign-in fails
     */
    public record Citizens(@DefaultValue("30") @Min(1) @Max(10_000) int lookupsPerMinute,
                           @DefaultValue("id_number") String idNumberClaim, @DefaultValue("name") String nameClaim,
                           List<String> verifiedIdentityRequired,
                           @DefaultValue({"PVHCC", "TTPVHCC"}) List<String> serviceCentreCodes,
                           @DefaultValue("10s") @NotNull Duration providerTimeout) {
        public Citizens {
            verifiedIdentityRequired = verifiedIdentityRequired == null ? List.of() : List.copyOf(verifiedIdentityRequired);
            serviceCentreCodes = serviceCentreCodes == null ? List.of() : List.copyOf(serviceCentreCodes);
        }

        /**
         * Whether a unit is a public-service centre (Trung tâm Phục vụ hành chính công): the last part of its code is
         * one of {@code service-centre-codes} ({@code HS.101.UBND.PVHCC}, {@code HS.UBND.TTPVHCC}).
         */
        public boolean isServiceCentre(String unitCode) {
            return unitCode != null && serviceCentreCodes.contains(unitCode.substring(unitCode.lastIndexOf('.') + 1));
        }

        public boolean requiresVerifiedIdentity(String procedureCode) {
            return verifiedIdentityRequired.contains("*") || verifiedIdentityRequired.contains(procedureCode);
        }
    }

    public record Kpi(@DefaultValue("250") @Min(1) @Max(1_000) int batchSize, @DefaultValue("4") @Min(1) @Max(64) int segments) {
    }

    /**
     * How Backbone reaches the portal's integration adapter, as the provinces' systems do (OpenCPS'
     * {@code DVCQGIntegrationActionImpl}: {@code adapter_url} + {@code auth_endpoint} / {@code integration_endpoint},
     * {@code username}, {@code password}, {@code dstcode}, {@code madonvi}).
     *
     * @param url             the adapter's address; empty: no synchronisation
     * @param dstcode         the header the adapter routes by
     * @param agencyCode      {@code madonvi}: the province's code at the portal
     * @param procedureCodes  Backbone's procedure code → the national procedure code (MaTTHC); a procedure not
     *                        listed is sent under its own code (most catalogues already use the national codes)
     * @param syncEvery       how often the backlog is looked at
     * @param firstRetryAfter the pause after a failure, doubling up to {@code maxRetryPause}
     * @param backlogAlarmAfter health is DOWN when a dossier has waited longer than this
     */
    public record NationalPortal(@DefaultValue("") String url, @DefaultValue("/auth") String authPath,
                                 @DefaultValue("/integration") String integrationPath, @DefaultValue("") String username,
                                 @DefaultValue("") String password, @DefaultValue("") String dstcode,
                                 @DefaultValue("") String agencyCode, java.util.Map<String, String> procedureCodes,
                                 @DefaultValue("30s") java.time.Duration syncEvery,
                                 @DefaultValue("30s") java.time.Duration firstRetryAfter,
                                 @DefaultValue("1h") java.time.Duration maxRetryPause,
                                 @DefaultValue("5s") java.time.Duration connectTimeout,
                                 @DefaultValue("30s") java.time.Duration timeout,
                                 @DefaultValue("1h") java.time.Duration backlogAlarmAfter,
                                 @DefaultValue("100") @Min(1) @Max(1_000) int batchSize) {
        public NationalPortal {
            procedureCodes = procedureCodes == null ? java.util.Map.of() : java.util.Map.copyOf(procedureCodes);
        }

        public boolean enabled() {
            return !url.isBlank();
        }

        /** The national procedure code (MaTTHC) of one of Backbone's procedures. */
        public String nationalCode(String procedureCode) {
            return procedureCodes.getOrDefault(procedureCode, procedureCode);
        }
    }

    public record Calendar(List<LocalDate> daysOff, List<LocalDate> daysWorked) {
        public Calendar {
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            daysWorked = daysWorked == null ? List.of() : List.copyOf(daysWorked);
        }
    }
}
