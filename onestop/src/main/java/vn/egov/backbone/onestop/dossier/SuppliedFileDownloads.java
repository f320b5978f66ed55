package vn.egov.backbone.onestop.dossier;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A supplied file as the API and the desk's page send it: with the type it was known by and the name
 * Backbone gave it, never guessed again by the browser ({@code nosniff}).
 */
final class SuppliedFileDownloads {
    private SuppliedFileDownloads() {
    }

    static ResponseEntity<FileSystemResource> respond(DossierActions.SuppliedFileDownload download,
                                                      ContentDisposition.Builder disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.view().contentType()))
                .header("Content-Disposition", disposition.filename(download.view().name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.file()));
    }
}
