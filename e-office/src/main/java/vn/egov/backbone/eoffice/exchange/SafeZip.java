package vn.egov.backbone.eoffice.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * edXML attachments travel as base64 of a ZIP. Unpacking counts the bytes actually inflated (never
 * trusting the sizes the archive declares) and stops at a total and a compression ratio a real
 * office file never reaches, so a zip bomb is refused before it fills memory or disk.
 */
final class SafeZip {
    static final int MAX_ENTRIES = 100;
    static final long MAX_RATIO = 200;

    private SafeZip() {
    }

    record Entry(String name, byte[] content) {
    }

    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static List<Entry> unzip(byte[] zip, long maxTotalBytes) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new InvalidPackage("attachment: more than " + MAX_ENTRIES + " files in one archive");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int read;
                while ((read = in.read(buffer)) != -1) {
                    total += read;
                    if (total > maxTotalBytes || total > Math.max(1, zip.length) * MAX_RATIO) {
                        throw new InvalidPackage("attachment: the archive expands beyond the allowed size"
                                + " (a compression bomb?); refused");
                    }
                    out.write(buffer, 0, read);
                }
                String name = entry.getName().replace('\\', '/');
                entries.add(new Entry(name.substring(name.lastIndexOf('/') + 1), out.toByteArray()));
            }
        } catch (IOException e) {
            throw new InvalidPackage("attachment: not a readable ZIP archive", e);
        }
        if (entries.isEmpty()) {
            throw new InvalidPackage("attachment: the ZIP archive is empty or truncated");
        }
        return entries;
    }

    static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
