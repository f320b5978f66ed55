package vn.egov.backbone.core.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node keeps only the message bundles it has: core's tests run without the other modules, whose bundles
 * {@code spring.messages.basename} names as well (before, each was looked up again and warned about at every message).
 */
class MessageBundlesTest {
    @Test
    void bundlesThisNodeDoesNotHaveAreLeftOutAndItsOwnStillSpeak() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages-eoffice", "messages-onestop");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        WebConfiguration.messageBundlesPresentOnly().postProcessBeforeInitialization(messages, "messageSource");

        assertThat(messages.getBasenameSet()).containsExactly("messages");
        assertThat(messages.getMessage("nav.home", null, Locale.forLanguageTag("vi"))).isEqualTo("Trang chủ");
    }
}
