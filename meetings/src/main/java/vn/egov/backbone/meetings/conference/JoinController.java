package vn.egov.backbone.meetings.conference;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.NotFound;

import java.util.List;

/** Join URLs with tokens, and the RS256 public key prosody fetches ({@code asap_key_server}). */
@RestController
class JoinController {
    private final JoinActions joins;
    private final JoinTokens tokens;

    JoinController(JoinActions joins, JoinTokens tokens) {
        this.joins = joins;
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/meetings/{id}/join")
    JoinActions.Join join(@PathVariable String id) {
        return joins.forOfficial(id, Authorizer.currentPrincipal().officialId());
    }

    @GetMapping("/api/v1/meetings/{id}/endpoints/{unitId}/join")
    JoinActions.Join endpointJoin(@PathVariable String id, @PathVariable String unitId) {
        return joins.forEndpoint(id, unitId, Authorizer.currentPrincipal().officialId());
    }

    @GetMapping("/api/v1/meetings/{id}/endpoint-joins")
    List<JoinActions.Join> endpointJoins(@PathVariable String id) {
        return joins.allEndpoints(id, Authorizer.currentPrincipal().officialId());
    }

    /** {@code GET <asap_key_server>/<hex(sha256(kid))>.pem}; 404 for any other name. */
    @GetMapping(path = "/asap/{file:.+}", produces = "application/x-pem-file")
    ResponseEntity<String> publicKey(@PathVariable String file) {
        return tokens.publicKeyPem(file).map(pem -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file")).body(pem))
                .orElseThrow(() -> new NotFound(ConferenceError.NO_PUBLIC_KEY, file));
    }
}
