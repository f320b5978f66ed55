package vn.egov.backbone.eoffice.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OdtTextTest {
    @TempDir
    Path dir;

    private Path odt(String contentXml) throws IOException {
        Path file = dir.resolve("văn-bản.odt");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(contentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void paragraphsAndHeadingsBecomeLines() throws IOException {
        Path file = odt("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                + "<text:h>Kế hoạch</text:h><text:p>Tiêu thoát nước<text:s/>chống ngập úng</text:p>"
                + "</office:text></office:body></office:document-content>");
        assertThat(OdtText.of(file, 1000)).isEqualTo("Kế hoạch\nTiêu thoát nước chống ngập úng\n");
        assertThat(OdtText.of(file, 8)).isEqualTo("Kế hoạch");
    }

    @Test
    void anEntityBombIsNotExpanded() throws IOException {
        Path file = odt("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&lol3;"
                + "</office:document-content>");
        assertThatThrownBy(() -> OdtText.of(file, 1_000_000)).isInstanceOf(IOException.class);
    }

    @Test
    void aFileWithoutContentIsRefused() throws IOException {
        Path file = dir.resolve("rỗng.odt");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> OdtText.of(file, 100)).isInstanceOf(IOException.class);
    }
}
