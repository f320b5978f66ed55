package vn.egov.backbone.core.identity;

import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class JdbcApiTokens implements ApiTokens {
    private final ApiTokenStore store;

    JdbcApiTokens(ApiTokenStore store) {
        this.store = store;
    }

    @Override
    public void store(String tokenId, String officialId, String name, String tokenHash, Instant expiresAt) {
        store.insert(tokenId, officialId, name, tokenHash, expiresAt);
    }

    @Override
    public boolean revoke(String tokenId, String officialId) {
        return store.revoke(tokenId, officialId);
    }
}
