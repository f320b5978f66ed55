package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.eoffice.settings.EOfficeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.shared.InvalidInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

import java.time.LocalDate;
import java.util.List;

/** edXML exchange over HTTP: import a package, export an issued document, read the exchange log. */
@RestController
@RequestMapping("/api/v1")
class EdXmlController {
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ExchangeActions exchange;
    private final ExchangeLogQueries exchangeLog;
    private final long maxPackageBytes;

    EdXmlController(ExchangeActions exchange, ExchangeLogQueries exchangeLog, EOfficeProperties settings) {
        this.exchange = exchange;
        this.exchangeLog = exchangeLog;
        this.maxPackageBytes = settings.exchange().maxPackageSize().toBytes();
    }

    /** A document package (201, registered) or a status package (200, applied). */
    @PostMapping(path = "/exchange/edxml", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/edxml+xml"})
    ResponseEntity<ExchangeActions.ImportResult> importPackage(HttpServletRequest request,
                                                             @RequestParam(required = false) String agencyId) {
        byte[] bytes = readLimited(request);
        ExchangeActions.ImportResult result = exchange.importPackage(bytes, agencyId);
        return ResponseEntity.status("DOCUMENT".equals(result.kind()) ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping("/documents/{id}/edxml")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String to) {
        List<String> recipients = Arrays.stream(to.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return ResponseEntity.ok().contentType(XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".edxml\"")
                .body(exchange.export(id, recipients));
    }

    /**
     * With {@code documentId}: that document's packages. Without: the agency's exchange log, newest
     * first, refused packages included, filtered by direction, outcome, period and counterpart.
     */
    @GetMapping("/exchange/messages")
    List<ExchangeLog.Entry> messages(@RequestParam(required = false) String documentId,
                                     @RequestParam(required = false) String agencyId,
                                     @RequestParam(required = false) ExchangeLog.Direction direction,
                                     @RequestParam(required = false) ExchangeLog.Outcome outcome,
                                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String counterpart) {
        return documentId != null ? exchangeLog.messages(documentId)
                : exchangeLog.log(agencyId, direction, outcome, from, to, counterpart);
    }

    @GetMapping("/exchange/messages/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable String id) {
        return ResponseEntity.ok().contentType(XML).body(exchangeLog.packageBytes(id));
    }

    private byte[] readLimited(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxPackageBytes) {
            throw new InvalidInput("package", ExchangeError.PACKAGE_TOO_LARGE, maxPackageBytes / (1024 * 1024));
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxPackageBytes) {
                    throw new InvalidInput("package", ExchangeError.PACKAGE_TOO_LARGE, maxPackageBytes / (1024 * 1024));
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw new InvalidPackage("package: empty body");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
