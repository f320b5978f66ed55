package vn.egov.backbone.core.bootstrap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the first start: the province's tree from the seed, then the administrator account. */
@Component
class FirstStart implements ApplicationRunner {
    private final SeedLoader seed;
    private final InitialAdministrator administrator;

    FirstStart(SeedLoader seed, InitialAdministrator administrator) {
        this.seed = seed;
        this.administrator = administrator;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String province = seed.loadIfEmpty().orElse(null);
        administrator.createIfMissing(province);
    }
}
