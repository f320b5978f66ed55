package vn.egov.backbone.ops.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The application's own settings ({@code backbone.seed.*}, {@code backbone.admin.*}, {@code backbone.api.*}).
 * A wrong value stops the start with a message that names the setting.
 *
 * @param seed  {@code file}: the administrative tree loaded on the first start; {@code enabled}: whether it is
 * @param admin {@code password}: the administrator's on the first start; empty: generated
 * @param api   {@code max-json-size}: the largest JSON body (413 above)
 */
@Validated
@ConfigurationProperties("backbone")
public record OpsProperties(@Valid @DefaultValue Seed seed, @DefaultValue Admin admin, @Valid @DefaultValue Api api) {

    public record Seed(@NotBlank @DefaultValue("classpath:seed/demo-province.json") String file,
                       @DefaultValue("true") boolean enabled) {
    }

    public record Admin(@DefaultValue("") String password) {
        @Override
        public String toString() {
            return "Admin[password=***]";
        }
    }

    public record Api(@NotNull @DefaultValue("1MB") DataSize maxJsonSize) {
        @AssertTrue(message = "must be positive")
        public boolean isMaxJsonSizePositive() {
            return maxJsonSize == null || maxJsonSize.toBytes() > 0;
        }
    }
}
