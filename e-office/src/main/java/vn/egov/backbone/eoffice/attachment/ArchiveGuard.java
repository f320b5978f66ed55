package vn.egov.backbone.eoffice.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a ZIP container (DOCX, XLSX, ODT, a zipped edXML attachment) before any parser opens it,
 * so that a compression bomb is refused while it costs a few kilobytes of memory and at most
 * {@link Limits#maxInflatedBytes()} of inflation.
 *
 * <p>The sizes an archive declares are read first (entry count, each entry's size and ratio, the
 * total), which refuses an honest bomb without inflating anything; every entry is then streamed
 * through and the bytes actually inflated are counted, so an archive that lies about its sizes is
 * refused as soon as an entry inflates past what it declared. Nothing inflated is kept.
 */
public final class ArchiveGuard {
    /**
     * @param maxEntries        entries in one archive (a real DOCX has tens, a large XLSX hundreds)
     * @param maxInflatedBytes  all entries together, inflated
     * @param maxRatio          inflated size over compressed size of one entry, above {@code ratioGraceBytes}
     *                          (Apache POI refuses above 100 as well)
     * @param ratioGraceBytes   entries up to this size may compress better (small, repetitive XML parts)
     * @param maxTextPartBytes  the largest XML part a text extractor may parse; a larger one leaves the file
     *                          without searchable text rather than letting a parser build it in memory
     */
    public record Limits(int maxEntries, long maxInflatedBytes, long maxRatio, long ratioGraceBytes,
                         long maxTextPartBytes) {
        public static final Limits DEFAULT = new Limits(5_000, 256L << 20, 100, 1L << 20, 16L << 20);
    }

    /** What a checked archive holds: the largest XML part, to decide whether its text may be extracted. */
    public record Summary(int entries, long inflatedBytes, long largestXmlPartBytes) {
    }

    /** The archive is refused: a bomb, or not a readable ZIP. {@link #reason()} is a message key suffix. */
    public static final class Refused extends Exception {
        private final String reason;

        Refused(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        /** {@code bomb} or {@code damaged}. */
        public String reason() {
            return reason;
        }
    }

    private ArchiveGuard() {
    }

    public static boolean looksLikeZip(byte[] head, int length) {
        return length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    public static Summary check(Path file, Limits limits) throws Refused {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new Refused("bomb", zip.size() + " entries");
            }
            long declaredTotal = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                if (size < 0) {
                    continue; // unknown: counted while inflating below
                }
                declaredTotal += size;
                if (declaredTotal > limits.maxInflatedBytes()) {
                    throw new Refused("bomb", "declares " + declaredTotal + " bytes inflated");
                }
                if (size > limits.ratioGraceBytes() && size / compressed > limits.maxRatio()) {
                    throw new Refused("bomb", entry.getName() + " declares a ratio of " + size / compressed);
                }
            }
            return inflate(zip, limits);
        } catch (ZipException e) {
            throw new Refused("damaged", e.getMessage());
        } catch (IOException e) {
            throw new Refused("damaged", e.getMessage());
        }
    }

    private static Summary inflate(ZipFile zip, Limits limits) throws IOException, Refused {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long largestXml = 0;
        int count = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            count++;
            if (entry.isDirectory()) {
                continue;
            }
            long declared = entry.getSize();
            long compressed = Math.max(1, entry.getCompressedSize());
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    inflated += read;
                    total += read;
                    if (declared >= 0 && inflated > declared) {
                        throw new Refused("bomb", entry.getName() + " inflates past its declared size");
                    }
                    if (total > limits.maxInflatedBytes()) {
                        throw new Refused("bomb", "inflates past " + limits.maxInflatedBytes() + " bytes");
                    }
                    if (inflated > limits.ratioGraceBytes() && inflated / compressed > limits.maxRatio()) {
                        throw new Refused("bomb", entry.getName() + " inflates at a ratio above " + limits.maxRatio());
                    }
                }
            }
            String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".xml") || name.endsWith(".rels")) {
                largestXml = Math.max(largestXml, inflated);
            }
        }
        return new Summary(count, total, largestXml);
    }
}
