package vn.egov.backbone.core.eventchain;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.Checkpoint;
import vn.egov.backbone.core.shared.InvalidInput;

import java.util.List;
import java.util.Optional;

/** The event chain over HTTP ({@link EventChainActions} decides who may). */
@RestController
@RequestMapping("/api/v1/admin/event-chain")
class EventChainController {
    private final EventChainActions chain;

    EventChainController(EventChainActions chain) {
        this.chain = chain;
    }

    /** @param from a checkpoint to start after, as the checkpoints list gives it; absent: the first event */
    record VerificationRequest(Checkpoint from) {
    }

    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints() {
        return chain.checkpoints();
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    Checkpoint sign() {
        return chain.signCheckpoint();
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return chain.publicKey();
    }

    @PostMapping(value = "/verifications", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ChainVerification verify(@RequestBody(required = false) VerificationRequest request) {
        Checkpoint from = request == null ? null : request.from();
        if (from != null && !from.wellFormed()) {
            throw new InvalidInput("from", EventChainError.CHECKPOINT_MALFORMED);
        }
        return chain.verify(Optional.ofNullable(from));
    }
}
