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
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangeClearance;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangeOfficialDetails;
import vn.egov.backbone.core.official.api.OfficialCommands.ChangePassword;
import vn.egov.backbone.core.official.api.OfficialCommands.DeactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.GrantRole;
import vn.egov.backbone.core.official.api.OfficialCommands.ReactivateOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RegisterOfficial;
import vn.egov.backbone.core.official.api.OfficialCommands.RevokeRole;
import vn.egov.backbone.core.official.api.OfficialCommands.RoleAssignment;
import vn.egov.backbone.core.official.api.OfficialCommands.TransferOfficial;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Officials' accounts over HTTP. Administering an official needs ADMINISTRATOR in the official's
 * unit (or above); granting a role also needs it in the unit the role is for.
 */
@RestController
@RequestMapping("/api/v1/officials")
class OfficialController {
    private final Commands commands;
    private final OfficialDirectory directory;
    private final Authorizer authorizer;

    OfficialController(Commands commands, OfficialDirectory directory, Authorizer authorizer) {
        this.commands = commands;
        this.directory = directory;
        this.authorizer = authorizer;
    }

    record RoleRequest(String unitId, @NotNull Role role, Instant validUntil) {
    }

    record RegisterOfficialRequest(@NotBlank @Size(min = 3, max = 64) String username,
                                   @NotBlank @Size(max = 200) String fullName, @Email @Size(max = 255) String email,
                                   @Size(max = 255) String position, @NotBlank String unitId, Clearance clearance,
                                   List<@Valid RoleRequest> roles, @NotBlank @Size(min = 10, max = 72) String password) {
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
    List<OfficialView> list(@RequestParam(required = false) String unitId,
                            @RequestParam(defaultValue = "false") boolean includeInactive) {
        return directory.list(unitId, includeInactive);
    }

    @GetMapping("/{id}")
    ResponseEntity<OfficialView> get(@PathVariable String id) {
        OfficialView official = official(id);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(official.version())).body(official);
    }

    @PostMapping
    ResponseEntity<Created> register(@Valid @RequestBody RegisterOfficialRequest request) {
        authorizer.require(Role.ADMINISTRATOR, request.unitId());
        List<RoleAssignment> roles = request.roles() == null ? List.of() : request.roles().stream()
                .map(r -> new RoleAssignment(Text.blankToNull(r.unitId()), r.role(), r.validUntil())).toList();
        roles.forEach(r -> authorizer.require(Role.ADMINISTRATOR, r.unitId()));
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterOfficial(id, request.username(), request.fullName(), request.email(),
                request.position(), request.unitId(), request.clearance(), roles, request.password()));
        return ResponseEntity.created(URI.create("/api/v1/officials/" + id)).body(new Created(id));
    }

    @PutMapping("/{id}/details")
    ResponseEntity<Void> details(@PathVariable String id, @Valid @RequestBody DetailsRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        administer(id);
        commands.send(new ChangeOfficialDetails(id, request.fullName(), request.email(), request.position(),
                ExpectedVersion.fromIfMatch(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/roles")
    ResponseEntity<Void> grant(@PathVariable String id, @Valid @RequestBody RoleRequest request) {
        administer(id);
        authorizer.require(Role.ADMINISTRATOR, Text.blankToNull(request.unitId()));
        commands.send(new GrantRole(id, Text.blankToNull(request.unitId()), request.role(), request.validUntil()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/roles")
    ResponseEntity<Void> revoke(@PathVariable String id, @RequestParam(required = false) String unitId,
                                @RequestParam Role role, @RequestParam(required = false) String reason) {
        administer(id);
        authorizer.require(Role.ADMINISTRATOR, Text.blankToNull(unitId));
        commands.send(new RevokeRole(id, Text.blankToNull(unitId), role, reason));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/clearance")
    ResponseEntity<Void> clearance(@PathVariable String id, @Valid @RequestBody ClearanceRequest request) {
        administer(id);
        commands.send(new ChangeClearance(id, request.clearance()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String id, @Valid @RequestBody TransferRequest request) {
        administer(id);
        authorizer.require(Role.ADMINISTRATOR, request.unitId());
        commands.send(new TransferOfficial(id, request.unitId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/deactivation")
    ResponseEntity<Void> deactivate(@PathVariable String id, @Valid @RequestBody(required = false) ReasonRequest request) {
        administer(id);
        commands.send(new DeactivateOfficial(id, request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reactivation")
    ResponseEntity<Void> reactivate(@PathVariable String id) {
        administer(id);
        commands.send(new ReactivateOfficial(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String id, @Valid @RequestBody PasswordResetRequest request) {
        administer(id);
        commands.send(new ChangePassword(id, request.newPassword()));
        return ResponseEntity.noContent().build();
    }

    private void administer(String officialId) {
        authorizer.require(Role.ADMINISTRATOR, official(officialId).unitId());
    }

    private OfficialView official(String id) {
        return directory.find(id).orElseThrow(() -> new NotFound("Official " + id + " does not exist"));
    }

}
