package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import vn.egov.backbone.core.shared.ExpectedVersion;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Officials' accounts over HTTP; the rules are {@link OfficialActions}'s.
 */
@RestController
@RequestMapping("/api/v1/officials")
class OfficialController {
    private final OfficialActions administration;

    OfficialController(OfficialActions administration) {
        this.administration = administration;
    }

    record RoleRequest(String unitId, @NotNull Role role, Instant validUntil) {
    }

    record RegisterOfficialRequest(@NotBlank @Size(min = 3, max = 64) String username,
                                   @NotBlank @Size(max = 200) String fullName, @Email @Size(max = 255) String email,
                                   @Size(max = 255) String position, @NotBlank String unitId, Clearance clearance,
                                   List<@NotNull @Valid RoleRequest> roles, @NotBlank @Size(min = 10, max = 72) String password) {
        @Override
        public String toString() {
            return "RegisterOfficialRequest[" + username + "]";
        }
    }

    record DetailsRequest(@NotBlank @Size(max = 200) String fullName, @Email @Size(max = 255) String email,
                          @Size(max = 255) String position) {
    }

    record ClearanceRequest(@NotNull Clearance clearance) {
    }

    record TransferRequest(@NotBlank String unitId) {
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record PasswordResetRequest(@NotBlank @Size(min = 10, max = 72) String newPassword) {
        @Override
        public String toString() {
            return "PasswordResetRequest[***]";
        }
    }

    record Created(String id) {
    }

    @GetMapping
    List<Object> list(@RequestParam(required = false) String unitId,
                      @RequestParam(defaultValue = "false") boolean includeInactive) {
        return administration.list(unitId, includeInactive);
    }

    @GetMapping("/{id}")
    ResponseEntity<Object> get(@PathVariable String id) {
        Object official = administration.get(id);
        return official instanceof OfficialView full
                ? ResponseEntity.ok().eTag(ExpectedVersion.etag(full.version())).body(full)
                : ResponseEntity.ok(official);
    }

    @PostMapping
    ResponseEntity<Created> register(@Valid @RequestBody RegisterOfficialRequest request) {
        List<RoleAssignment> roles = request.roles() == null ? List.of() : request.roles().stream()
                .map(r -> r == null ? null : new RoleAssignment(Text.blankToNull(r.unitId()), r.role(), r.validUntil()))
                .toList();
        String id = administration.register(new RegisterOfficial(null, request.username(), request.fullName(),
                request.email(), request.position(), request.unitId(), request.clearance(), roles, request.password()));
        return ResponseEntity.created(URI.create("/api/v1/officials/" + id)).body(new Created(id));
    }

    @PutMapping("/{id}/details")
    ResponseEntity<Void> details(@PathVariable String id, @Valid @RequestBody DetailsRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        administration.changeDetails(id, request.fullName(), request.email(), request.position(),
                ExpectedVersion.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/roles")
    ResponseEntity<Void> grant(@PathVariable String id, @Valid @RequestBody RoleRequest request) {
        administration.grant(id, Text.blankToNull(request.unitId()), request.role(), request.validUntil());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/roles")
    ResponseEntity<Void> revoke(@PathVariable String id, @RequestParam(required = false) String unitId,
                                @RequestParam Role role, @RequestParam(required = false) String reason) {
        administration.revoke(id, Text.blankToNull(unitId), role, reason);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/clearance")
    ResponseEntity<Void> clearance(@PathVariable String id, @Valid @RequestBody ClearanceRequest request) {
        administration.changeClearance(id, request.clearance());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String id, @Valid @RequestBody TransferRequest request) {
        administration.transfer(id, request.unitId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/deactivation")
    ResponseEntity<Void> deactivate(@PathVariable String id, @Valid @RequestBody(required = false) ReasonRequest request) {
        administration.deactivate(id, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reactivation")
    ResponseEntity<Void> reactivate(@PathVariable String id) {
        administration.reactivate(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String id, @Valid @RequestBody PasswordResetRequest request) {
        administration.resetPassword(id, request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
