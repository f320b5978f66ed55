package vn.egov.backbone.core.identity;

import vn.egov.backbone.core.official.OfficialError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.NotFound;

import java.util.List;

/** The signed-in official's own account: profile, password and personal API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {
    private final OfficialQueries officials;
    private final ApiTokenStore tokens;
    private final AccountActions account;

    MeController(OfficialQueries officials, ApiTokenStore tokens, AccountActions account) {
        this.officials = officials;
        this.tokens = tokens;
        this.account = account;
    }

    record ChangeOwnPasswordRequest(@NotBlank String currentPassword,
                                    @NotBlank @Size(min = 10, max = 72) String newPassword) {
        @Override
        public String toString() {
            return "ChangeOwnPasswordRequest[***]";
        }
    }

    record IssueTokenRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer validDays) {
    }

    @GetMapping
    OfficialView me() {
        String id = Authorizer.currentPrincipal().officialId();
        return officials.find(id).orElseThrow(() -> new NotFound(OfficialError.NOT_FOUND, id));
    }

    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody ChangeOwnPasswordRequest request) {
        account.changePassword(request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    List<ApiTokenStore.ApiTokenView> tokens() {
        return tokens.list(Authorizer.currentPrincipal().officialId());
    }

    @PostMapping("/tokens")
    ResponseEntity<AccountActions.IssuedToken> issue(@Valid @RequestBody IssueTokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(account.issueToken(request.name(), request.validDays()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        account.revokeToken(id);
        return ResponseEntity.noContent().build();
    }
}
