package vn.egov.backbone.onestop.dossier;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.StoredEventModule;
import vn.egov.backbone.core.privacy.SealedFields;
import vn.egov.backbone.core.privacy.SealedFields.Sealing;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.DossierSubmitted;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.SupplementProvided;

import java.util.List;

/**
 * How {@link DossierSubmitted} is stored: the applicant — name, identity number, address, phone, e-mail —
 * sealed with the dossier's own key ({@link SealedFields}, the dossier as subject). Once the key is erased
 * each of them reads {@code [đã xóa]}. Events stored before (revision 1) hold the applicant in clear.
 */
@Component
class SealedApplicant implements StoredEventModule {
    private final SubjectKeys keys;

    SealedApplicant(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public Module module(ObjectMapper plain) {
        return SealedFields.module("sealed-applicant", keys, plain, List.of(new Sealing(DossierSubmitted.class, "dossierId",
                "/applicant/name", "/applicant/idNumber", "/applicant/address", "/applicant/phone", "/applicant/email"),
                new Sealing(SupplementProvided.class, "dossierId", "/note")));
    }
}
