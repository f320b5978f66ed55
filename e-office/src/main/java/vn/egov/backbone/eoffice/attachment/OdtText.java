package vn.egov.backbone.eoffice.attachment;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The text of an OpenDocument text (ODT, what LibreOffice writes): the character data of its
 * {@code content.xml}, a paragraph per line. Read with the JDK's StAX parser, without DTDs or external
 * entities, and no more of the entry than {@link #MAX_CONTENT_BYTES} uncompressed, so that a crafted
 * file (an entity bomb, a zip bomb) costs nothing but a warning.
 */
final class OdtText {
    private static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private OdtText() {
    }

    static String of(Path file, int maxChars) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new IOException("no content.xml in the OpenDocument file");
            }
            try (InputStream in = new LimitedInput(zip.getInputStream(content), MAX_CONTENT_BYTES)) {
                return text(in, maxChars);
            }
        }
    }

    private static String text(InputStream in, int maxChars) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            while (xml.hasNext() && text.length() < maxChars) {
                switch (xml.next()) {
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> text.append(xml.getText());
                    case XMLStreamReader.START_ELEMENT -> {
                        if (TEXT_NS.equals(xml.getNamespaceURI()) && (xml.getLocalName().equals("s")
                                || xml.getLocalName().equals("tab"))) {
                            text.append(' ');
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        if (TEXT_NS.equals(xml.getNamespaceURI()) && (xml.getLocalName().equals("p")
                                || xml.getLocalName().equals("h"))) {
                            text.append('\n');
                        }
                    }
                    default -> {
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("unreadable content.xml: " + e.getMessage(), e);
        }
        return text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
    }

    /** Stops with an error past the limit instead of inflating a bomb. */
    private static final class LimitedInput extends java.io.FilterInputStream {
        private long left;

        LimitedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("content.xml is larger than " + MAX_CONTENT_BYTES + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("content.xml is larger than " + MAX_CONTENT_BYTES + " bytes");
            }
            return n;
        }
    }
}
