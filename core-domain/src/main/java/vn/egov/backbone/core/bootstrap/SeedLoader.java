package vn.egov.backbone.core.bootstrap;

import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.settings.CoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier;
import vn.egov.backbone.core.unit.api.UnitCommands.CreateUnit;
import vn.egov.backbone.core.unit.api.UnitKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the province's administrative tree from the seed file on the first start, as ordinary
 * commands (so the tree is event-sourced like everything else, acted by "system"). A unit's id is
 * derived from its code, so the same seed gives the same ids on every installation.
 */
@Component
class SeedLoader {
    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
    private static final Set<UnitKind> COMMUNE_LEVEL = EnumSet.of(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE);

    private final Commands commands;
    private final UnitQueries units;
    private final ResourceLoader resources;
    private final ObjectMapper json;
    private final String seedFile;
    private final boolean enabled;

    SeedLoader(Commands commands, UnitQueries units, ResourceLoader resources, ObjectMapper json,
               CoreProperties settings) {
        this.commands = commands;
        this.units = units;
        this.resources = resources;
        this.json = json;
        this.seedFile = settings.seed().file();
        this.enabled = settings.seed().enabled();
    }

    static String unitIdFor(String code) {
        return UUID.nameUUIDFromBytes(("unit:" + code.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Loads the seed if no unit exists yet; returns the id of the first root unit of the seed, if loaded. */
    Optional<String> loadIfEmpty() {
        if (!enabled) {
            return Optional.empty();
        }
        if (units.anyUnitCreated()) {
            return Optional.empty();
        }
        ProvinceSeed seed = read();
        long started = System.nanoTime();
        int[] created = {0};
        for (ProvinceSeed.Node root : seed.units()) {
            create(root, null, seed.communeTemplate() == null ? List.of() : seed.communeTemplate(), created);
        }
        log.info("Loaded {} units from {} in {} ms", created[0], seedFile, (System.nanoTime() - started) / 1_000_000);
        return seed.units().stream().findFirst().map(root -> unitIdFor(root.code()));
    }

    private void create(ProvinceSeed.Node node, String parentId, List<ProvinceSeed.Node> communeTemplate, int[] created) {
        String id = unitIdFor(node.code());
        commands.send(new CreateUnit(id, node.code(), node.name(), node.kind(), parentId));
        if (node.exchangeId() != null && !node.exchangeId().isBlank()) {
            commands.send(new AssignExchangeIdentifier(id, node.exchangeId()));
        }
        created[0]++;
        List<ProvinceSeed.Node> children = node.childrenOrEmpty();
        if (children.isEmpty() && COMMUNE_LEVEL.contains(node.kind())) {
            children = communeTemplate.stream().map(t -> instantiate(t, node)).toList();
        }
        for (ProvinceSeed.Node child : children) {
            create(child, id, communeTemplate, created);
        }
    }

    /** "Ủy ban nhân dân {name}" under "Xã Tân Lập" becomes "Ủy ban nhân dân xã Tân Lập", code "HS.001.UBND". */
    private static ProvinceSeed.Node instantiate(ProvinceSeed.Node template, ProvinceSeed.Node commune) {
        String communeName = Character.toLowerCase(commune.name().charAt(0)) + commune.name().substring(1);
        return new ProvinceSeed.Node(commune.code() + "." + template.code(),
                template.name().replace("{name}", communeName), template.kind(),
                template.childrenOrEmpty().stream().map(child -> instantiate(child,
                        new ProvinceSeed.Node(commune.code() + "." + template.code(), commune.name(), commune.kind(), null, null)))
                        .toList(), null);
    }

    private ProvinceSeed read() {
        Resource resource = resources.getResource(seedFile.contains(":") ? seedFile : "file:" + seedFile);
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, ProvinceSeed.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the seed file " + seedFile + ": " + e.getMessage(), e);
        }
    }
}
