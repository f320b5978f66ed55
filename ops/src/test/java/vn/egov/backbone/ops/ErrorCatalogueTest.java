package vn.egov.backbone.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.io.Resource;
import vn.egov.backbone.core.shared.ErrorCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code of every module (the constants of the enums that implement {@link ErrorCode}) has a
 * Vietnamese and an English message, the two agree on their placeholders, and no bundle keeps a message
 * for a code that no longer exists. Reads the bundles as Spring reads them: every
 * {@code messages*.properties} on the class path, UTF-8.
 */
class ErrorCatalogueTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Vietnamese letters that English text never has: a Vietnamese message must contain one. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> vietnamese = new HashMap<>();
    private static final Map<String, String> english = new HashMap<>();
    private static final Set<String> codes = new TreeSet<>();
    /** Per key and language ("field.note (en)"), each bundle that defines it and its text there. */
    private static final Map<String, Map<String, String>> definitions = new HashMap<>();

    @BeforeAll
    static void readCodesAndBundles() throws Exception {
        // Spring's scanner reads only class headers: a fraction of a full ArchUnit import's time.
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        for (var candidate : scanner.findCandidateComponents("vn.egov.backbone")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.add(((ErrorCode) constant).code());
                }
            }
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource bundle : resolver.getResources("classpath*:messages*.properties")) {
            String name = bundle.getFilename();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> target = name.endsWith("_en.properties") ? english : vietnamese;
            properties.forEach((key, value) -> {
                target.put((String) key, (String) value);
                definitions.computeIfAbsent(key + (target == english ? " (en)" : " (vi)"), k -> new TreeMap<>())
                        .put(name, (String) value);
            });
        }
    }

    @Test
    void everyModuleDeclaresItsCodes() {
        assertThat(codes).as("codes found").hasSizeGreaterThan(300)
                .anyMatch(code -> code.startsWith("unit."))
                .anyMatch(code -> code.startsWith("incoming."))
                .anyMatch(code -> code.startsWith("meeting."))
                .anyMatch(code -> code.startsWith("dossier."))
                .anyMatch(code -> code.startsWith("search."))
                .anyMatch(code -> code.startsWith("admin."));
    }

    @Test
    void everyCodeHasAVietnameseAndAnEnglishMessage() {
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (!vietnamese.containsKey("error." + code)) {
                missing.add("vi: error." + code);
            }
            if (!english.containsKey("error." + code)) {
                missing.add("en: error." + code);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noMessageIsLeftForACodeThatIsGone() {
        Set<String> orphans = new TreeSet<>();
        for (Map<String, String> bundle : List.of(vietnamese, english)) {
            bundle.keySet().stream().filter(key -> key.startsWith("error."))
                    .filter(key -> !codes.contains(key.substring("error.".length())))
                    .forEach(orphans::add);
        }
        assertThat(orphans).isEmpty();
    }

    @Test
    void theTwoLanguagesAgreeAndTheVietnameseIsVietnamese() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String code : codes) {
            String vi = vietnamese.get("error." + code);
            String en = english.get("error." + code);
            if (vi == null || en == null) {
                continue;
            }
            if (!placeholders(vi).equals(placeholders(en))) {
                wrong.add(code + ": placeholders differ between " + vi + " and " + en);
            }
            if (!VIETNAMESE.matcher(vi).find()) {
                wrong.add(code + ": not Vietnamese: " + vi);
            }
            for (String message : List.of(vi, en)) {
                // MessageFormat drops a lone apostrophe and everything it quotes; “ ” and ’ are safe.
                if (!placeholders(message).isEmpty() && message.replace("''", "").contains("'")) {
                    wrong.add(code + ": a lone apostrophe in a message with arguments: " + message);
                }
                Object[] arguments = placeholders(message).stream().map(i -> (Object) ("«" + i + "»")).toArray();
                String formatted = new MessageFormat(message).format(arguments);
                for (int i : placeholders(message)) {
                    if (!formatted.contains("«" + i + "»")) {
                        wrong.add(code + ": {" + i + "} is lost when formatted: " + message);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Backbone has one message source, so one key is one text: where two modules' bundles both define a key, the
     * first bundle named in {@code spring.messages.basename} answers for both, and the other module's pages and
     * messages show the first module's words. Seen failing: {@code field.note}, e-office's "Nội dung tiến độ",
     * stood as the label of the citizen's supplement note on the one-stop desk, whose own bundle says "Ghi chú".
     */
    @Test
    void aKeyDefinedByTwoModulesSaysTheSameInBoth() {
        Map<String, Map<String, String>> differing = new TreeMap<>();
        definitions.forEach((key, textByBundle) -> {
            if (textByBundle.values().stream().distinct().count() > 1) {
                differing.put(key, textByBundle);
            }
        });
        assertThat(differing).isEmpty();
    }

    /** A document's history names each of its events by {@code step.<event>} (documents/document.html). */
    @Test
    void everyEventOfADocumentHasAStepInTheHistory() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String events : List.of("vn.egov.backbone.eoffice.incoming.api.IncomingEvents",
                "vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents", "vn.egov.backbone.eoffice.workfile.api.WorkFileEvents")) {
            for (Class<?> event : Class.forName(events).getDeclaredClasses()) {
                boolean aboutADocument = event.isRecord() && event.getRecordComponents().length > 1
                        && java.util.Arrays.stream(event.getRecordComponents()).anyMatch(c -> c.getName().equals("documentId"));
                if (aboutADocument) {
                    for (Map<String, String> bundle : List.of(vietnamese, english)) {
                        if (!bundle.containsKey("step." + event.getSimpleName())) {
                            missing.add((bundle == english ? "en: " : "vi: ") + "step." + event.getSimpleName());
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<Integer> placeholders(String message) {
        Set<Integer> found = new TreeSet<>();
        var matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }
}
