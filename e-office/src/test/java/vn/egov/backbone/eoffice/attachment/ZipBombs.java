package vn.egov.backbone.eoffice.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile ZIP containers as an attacker makes them: honest bombs, bombs that lie about their sizes, entry floods. */
public final class ZipBombs {
    private ZipBombs() {
    }

    /** A DOCX whose word/document.xml inflates to {@code inflated} bytes of one letter. */
    public static byte[] docx(long inflated) throws IOException {
        return docx(inflated, false);
    }

    /** @param random letters at random, which compress about twofold: a large document, not a bomb */
    public static byte[] docx(long inflated, boolean random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] head = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = "</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8);
            zip.write(head);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            java.util.Random letters = new java.util.Random(7);
            long left = inflated - head.length - tail.length;
            while (left > 0) {
                if (random) {
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = (byte) ('a' + letters.nextInt(26));
                    }
                }
                int n = (int) Math.min(chunk.length, left);
                zip.write(chunk, 0, n);
                left -= n;
            }
            zip.write(tail);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The same bomb, its central directory claiming that every entry is {@code claimed} bytes inflated. */
    public static byte[] lying(byte[] zip, int claimed) {
        byte[] patched = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= patched.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) { // central directory file header
                buffer.putInt(i + 24, claimed);
            }
        }
        return patched;
    }

    /** An archive of {@code count} empty entries. */
    public static byte[] flood(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".xml"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
