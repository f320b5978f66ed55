package vn.egov.backbone.core.unit;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import vn.egov.backbone.core.shared.ExpectedVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The administrative tree over HTTP. Reads are open to every signed-in official; writes need ADMINISTRATOR. */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {
    private final UnitActions administration;
    private final UnitQueries directory;

    UnitController(UnitActions administration, UnitQueries directory) {
        this.administration = administration;
        this.directory = directory;
    }

    record CreateUnitRequest(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 255) String name,
                             @NotNull UnitKind kind, String parentId) {
    }

    record RenameUnitRequest(@NotBlank @Size(max = 255) String name, @Size(max = 500) String legalBasis) {
    }

    record MoveUnitRequest(@NotBlank String parentId, @Size(max = 500) String legalBasis) {
    }

    record MergeUnitsRequest(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 255) String name,
                             @NotNull UnitKind kind, String parentId, @NotEmpty @Size(min = 2) List<String> sourceUnitIds,
                             @Size(max = 500) String legalBasis) {
    }

    record DissolveUnitRequest(@Size(max = 500) String legalBasis) {
    }

    record Created(String id) {
    }

    /** A node of the tree view. */
    record UnitNode(String id, String code, String name, UnitKind kind, List<UnitNode> children) {
    }

    /** {@code view=flat} (default): every unit with its parent id; {@code view=tree}: nested from the roots. */
    @GetMapping
    Object list(@RequestParam(defaultValue = "flat") String view,
                @RequestParam(defaultValue = "false") boolean includeInactive) {
        List<UnitView> units = directory.list(includeInactive);
        return switch (view) {
            case "flat" -> units;
            case "tree" -> tree(units);
            default -> throw new InvalidInput("view", UnitError.VIEW_UNKNOWN);
        };
    }

    @GetMapping("/{id}")
    ResponseEntity<UnitView> get(@PathVariable String id) {
        UnitView unit = directory.find(id).orElseThrow(() -> new NotFound(UnitError.NOT_FOUND, id));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(unit.version())).body(unit);
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody CreateUnitRequest request) {
        String id = administration.create(request.code(), request.name(), request.kind(),
                Text.blankToNull(request.parentId()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + id)).body(new Created(id));
    }

    record ExchangeIdentifierRequest(@NotBlank @Size(max = 64) String identifier) {
    }

    /** The unit's electronic identifier for document exchange: packages are addressed and routed by it. */
    @PutMapping("/{id}/exchange-identifier")
    ResponseEntity<Void> assignExchangeIdentifier(@PathVariable String id, @Valid @RequestBody ExchangeIdentifierRequest request) {
        administration.assignExchangeIdentifier(id, request.identifier());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/name")
    ResponseEntity<Void> rename(@PathVariable String id, @Valid @RequestBody RenameUnitRequest request,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        administration.rename(id, request.name(), request.legalBasis(), ExpectedVersion.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/parent")
    ResponseEntity<Void> move(@PathVariable String id, @Valid @RequestBody MoveUnitRequest request) {
        administration.move(id, request.parentId(), request.legalBasis());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mergers")
    ResponseEntity<Created> merge(@Valid @RequestBody MergeUnitsRequest request) {
        String id = administration.merge(request.code(), request.name(), request.kind(),
                Text.blankToNull(request.parentId()), request.sourceUnitIds(), request.legalBasis());
        return ResponseEntity.created(URI.create("/api/v1/units/" + id)).body(new Created(id));
    }

    @PostMapping("/{id}/dissolution")
    ResponseEntity<Void> dissolve(@PathVariable String id, @Valid @RequestBody DissolveUnitRequest request) {
        administration.dissolve(id, request.legalBasis());
        return ResponseEntity.noContent().build();
    }

    static List<UnitNode> tree(List<UnitView> units) {
        Map<String, List<UnitView>> byParent = new HashMap<>();
        Map<String, UnitView> byId = new HashMap<>();
        for (UnitView unit : units) {
            byId.put(unit.id(), unit);
        }
        List<UnitView> roots = new ArrayList<>();
        for (UnitView unit : units) {
            if (unit.parentId() == null || !byId.containsKey(unit.parentId())) {
                roots.add(unit);
            } else {
                byParent.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        return roots.stream().map(root -> node(root, byParent)).toList();
    }

    private static UnitNode node(UnitView unit, Map<String, List<UnitView>> byParent) {
        return new UnitNode(unit.id(), unit.code(), unit.name(), unit.kind(),
                byParent.getOrDefault(unit.id(), List.of()).stream().map(child -> node(child, byParent)).toList());
    }

}
