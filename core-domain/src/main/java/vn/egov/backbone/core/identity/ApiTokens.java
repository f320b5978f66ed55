package vn.egov.backbone.core.identity;

import java.time.Instant;

/** Facade the Official aggregate writes API tokens through, so that issuing and revoking are events. */
public interface ApiTokens {
    void store(String tokenId, String officialId, String name, String tokenHash, Instant expiresAt);

    /** @return false if there was no such active token of that official */
    boolean revoke(String tokenId, String officialId);
}
