package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.web.PendingWork;

/** The count on the menu's "Một cửa": the dossiers waiting for the official's desk or units to act. */
@Component
class DossierPendingWork implements PendingWork {
    private final DossierActions dossiers;

    DossierPendingWork(DossierActions dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public long countFor(String officialId) {
        return dossiers.waitingFor(officialId);
    }

    @Override
    public String menu() {
        return "dossiers";
    }
}
