package vn.egov.backbone.eoffice.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * E-office's settings ({@code backbone.attachments.*}, {@code backbone.exchange.*}, {@code backbone.signing.*},
 * {@code backbone.ocr.*}, {@code backbone.document-axis.*}).
 * A wrong value stops the start with a message that names the setting.
 */
@Validated
@ConfigurationProperties("backbone")
public record EOfficeProperties(@Valid @DefaultValue Attachments attachments, @Valid @DefaultValue Exchange exchange,
                                @Valid @DefaultValue Signing signing, @Valid @DefaultValue Ocr ocr,
                                @org.springframework.boot.context.properties.bind.Name("document-axis") @Valid @DefaultValue
                                DocumentAxis documentAxis) {

    /**
     * @param maxSize         the largest file
     * @param maxInflatedSize the largest an archive (DOCX, XLSX, ODT, zip) may inflate to
     * @param textWorkers     how many files have their text extracted at once
     * @param textBudget      how long one file's text may take
     */
    public record Attachments(@NotNull @DefaultValue("50MB") DataSize maxSize,
                              @NotNull @DefaultValue("256MB") DataSize maxInflatedSize,
                              @DefaultValue("2") @Min(1) @Max(16) int textWorkers,
                              @NotNull @DefaultValue("60s") Duration textBudget) {
        @AssertTrue(message = "max-size, max-inflated-size and text-budget must be positive")
        public boolean isPositive() {
            return maxSize == null || maxInflatedSize == null || textBudget == null
                    || maxSize.toBytes() > 0 && maxInflatedSize.toBytes() > 0 && !textBudget.isNegative() && !textBudget.isZero();
        }
    }

    /**
     * Reading the words of scans ({@code backbone.ocr.*}).
     *
     * @param command       the Tesseract program; where it is missing, scans are kept unread and health says so
     * @param languages     Tesseract's language data, {@code +}-separated ({@code vie}: Debian's {@code tesseract-ocr-vie})
     * @param pageTimeout   how long one page may take before the engine is stopped
     * @param maxPages      the most pages of a scan read (more: the scan is not read)
     * @param maxMegapixels the largest page (an image's size is read from its header, a PDF page is rendered smaller)
     */
    public record Ocr(@NotNull @DefaultValue("tesseract") String command, @NotNull @DefaultValue("vie") String languages,
                      @NotNull @DefaultValue("120s") Duration pageTimeout,
                      @DefaultValue("50") @Min(1) @Max(1000) int maxPages,
                      @DefaultValue("60") @Min(1) @Max(400) int maxMegapixels) {
    }

    /**
     * The national document axis (trục liên thông văn bản quốc gia, VDXP), reached as its SDK reaches it: the system's
     * identifier and secret with every call.
     *
     * @param url            the axis' address; empty: packages wait in the exchange log and nothing is fetched
     * @param systemId       the identifier the axis gave this system
     * @param secret         its secret
     * @param sendEvery      how often waiting packages are sent
     * @param receiveEvery   how often the inbox is fetched
     * @param firstRetryAfter the pause after a failed send, doubling up to {@code maxRetryPause}
     * @param backlogAlarmAfter health is DOWN when a package has waited longer than this
     */
    public record DocumentAxis(@DefaultValue("") String url, @DefaultValue("") String systemId,
                               @DefaultValue("") String secret, @NotNull @DefaultValue("30s") Duration sendEvery,
                               @NotNull @DefaultValue("60s") Duration receiveEvery,
                               @NotNull @DefaultValue("30s") Duration firstRetryAfter,
                               @NotNull @DefaultValue("1h") Duration maxRetryPause,
                               @NotNull @DefaultValue("30s") Duration timeout,
                               @NotNull @DefaultValue("1h") Duration backlogAlarmAfter) {
        public boolean enabled() {
            return !url.isBlank();
        }

        /** No axis: what the defaults give. */
        public static DocumentAxis off() {
            return new DocumentAxis("", "", "", Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30),
                    Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(1));
        }
    }

    /** @param maxPackageSize the largest edXML package accepted (413 above) */
    public record Exchange(@NotNull @DefaultValue("60MB") DataSize maxPackageSize) {
    }

    /**
     * @param keystoreDir the officials' and agencies' PKCS#12 keys; by default {@code <data dir>/keys}
     * @param trustDir    CA certificates trusted for received signatures; by default {@code <data dir>/trust}
     */
    public record Signing(Path keystoreDir, Path trustDir) {
    }
}
