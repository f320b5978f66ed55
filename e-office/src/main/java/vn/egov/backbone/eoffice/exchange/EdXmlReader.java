package vn.egov.backbone.eoffice.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.egov.backbone.eoffice.exchange.EdXml.Attachment;
import vn.egov.backbone.eoffice.exchange.EdXml.DocumentPackage;
import vn.egov.backbone.eoffice.exchange.EdXml.Organisation;
import vn.egov.backbone.eoffice.exchange.EdXml.StatusPackage;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Parses edXML packages defensively: no DOCTYPE at all (so no external entities and no entity
 * expansion: XXE and "billion laughs" are refused), secure processing on, elements found by
 * namespace and local name whatever prefix the sender used, and clear messages for what is missing.
 */
final class EdXmlReader {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private EdXmlReader() {
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new InvalidPackage("package: DOCTYPE declarations are not accepted (external entities, entity expansion)");
            }
            throw new InvalidPackage("package: not well-formed XML (" + message + ")", e);
        } catch (IOException | ParserConfigurationException e) {
            throw new InvalidPackage("package: cannot be read", e);
        }
    }

    /**
     * Who sent a package and which document it names, read as far as they can be from a package that
     * is then refused, for the exchange log: each null when absent.
     */
    record Sender(String organId, String documentId) {
    }

    static Sender sender(Document document) {
        Element root = document.getDocumentElement();
        Element from = first(root, "From");
        return new Sender(from == null ? null : text(from, "OrganId"), text(root, "DocumentId"));
    }

    static boolean isStatus(Document document) {
        return first(document.getDocumentElement(), "StatusCode") != null;
    }

    static DocumentPackage document(Document xml) {
        Element root = xml.getDocumentElement();
        requireEdXml(root);
        Element header = required(root, "MessageHeader");
        Element code = required(header, "Code");
        Element type = first(header, "DocumentType");
        Element signer = first(header, "SignerInfo");
        Element other = first(header, "OtherInfo");
        Element promulgation = first(header, "PromulgationInfo");
        Element business = first(root, "Bussiness");
        List<Organisation> to = new ArrayList<>();
        for (Element element : children(header, "To")) {
            to.add(organisation(element));
        }
        List<String> places = new ArrayList<>();
        Element toPlaces = first(header, "ToPlaces");
        if (toPlaces != null) {
            children(toPlaces, "Place").forEach(p -> places.add(p.getTextContent().strip()));
        }
        return new DocumentPackage(organisation(required(header, "From")), to, text(header, "DocumentId"),
                requiredText(code, "CodeNumber"), text(code, "CodeNotation"),
                promulgation == null ? null : text(promulgation, "Place"),
                date(promulgation == null ? null : text(promulgation, "PromulgationDate"), "PromulgationDate", true),
                integer(type == null ? null : text(type, "Type"), 0), type == null ? null : text(type, "TypeName"),
                requiredText(header, "Subject"), text(header, "Content"),
                signer == null ? null : text(signer, "Competence"), signer == null ? null : text(signer, "Position"),
                signer == null ? null : text(signer, "FullName"), date(text(header, "DueDate"), "DueDate", false),
                integer(other == null ? null : text(other, "Priority"), 0),
                other == null || text(other, "PageAmount") == null ? null : integer(text(other, "PageAmount"), 0),
                places, appendixes(other), integer(text(header, "SteeringType"), 0),
                integer(business == null ? null : text(business, "BussinessDocType"), 0),
                business == null ? null : text(business, "DocumentId"), business == null ? null : text(business, "BussinessDocReason"),
                replaced(business), attachments(root));
    }

    /** OtherInfo/Appendixes/Appendix: the names of the document's appendixes. */
    private static List<String> appendixes(Element other) {
        List<String> names = new ArrayList<>();
        Element list = other == null ? null : first(other, "Appendixes");
        if (list != null) {
            for (Element appendix : children(list, "Appendix")) {
                String name = appendix.getTextContent().strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * What an update package (BussinessDocType 2) updates, from Bussiness/BussinessDocumentInfo: the document's
     * information ({@code DocumentInfo} 1) and/or its receivers ({@code DocumentReceiver} 1), as VNPT's edXML SDK
     * writes them ({@code com.vnpt.xml.base.header.BussinessDocumentInfo}). A package that says neither is read as
     * updating the document's information, which its header carries in full either way.
     */
    record UpdateScope(boolean documentInfo, boolean receivers) {
    }

    static UpdateScope updateScope(Document xml) {
        Element business = first(xml.getDocumentElement(), "Bussiness");
        Element info = business == null ? null : first(business, "BussinessDocumentInfo");
        boolean documentInfo = info != null && "1".equals(text(info, "DocumentInfo"));
        boolean receivers = info != null && "1".equals(text(info, "DocumentReceiver"));
        return documentInfo || receivers ? new UpdateScope(documentInfo, receivers) : new UpdateScope(true, false);
    }

    /** The DocumentIds a replacement names (Bussiness/ReplacementInfoList/ReplacementInfo/DocumentId). */
    private static List<String> replaced(Element business) {
        List<String> ids = new ArrayList<>();
        Element list = business == null ? null : first(business, "ReplacementInfoList");
        if (list != null) {
            for (Element info : children(list, "ReplacementInfo")) {
                String id = text(info, "DocumentId");
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static StatusPackage status(Document xml) {
        Element root = xml.getDocumentElement();
        requireEdXml(root);
        Element header = required(root, "MessageHeader");
        Element response = required(header, "ResponseFor");
        Element staff = first(header, "StaffInfo");
        return new StatusPackage(organisation(required(header, "From")), text(response, "OrganId"),
                text(response, "Code"), date(text(response, "PromulgationDate"), "PromulgationDate", false),
                requiredText(response, "DocumentId"), requiredText(header, "StatusCode"), text(header, "Description"),
                text(header, "Timestamp"), staff == null ? null : text(staff, "Department"),
                staff == null ? null : text(staff, "Staff"));
    }

    private static List<Attachment> attachments(Element root) {
        List<Attachment> attachments = new ArrayList<>();
        Element encoded = first(root, "AttachmentEncoded");
        if (encoded == null) {
            return attachments;
        }
        for (Element attachment : children(encoded, "Attachment")) {
            String data = requiredText(attachment, "ContentTransferEncoded");
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new InvalidPackage("attachment: ContentTransferEncoded is not base64");
            }
            attachments.add(new Attachment(text(attachment, "ContentId"), requiredText(attachment, "AttachmentName"),
                    text(attachment, "ContentType"), content));
        }
        return attachments;
    }

    private static void requireEdXml(Element root) {
        if (!EdXml.NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            throw new InvalidPackage("package: the root element must be edXML in namespace " + EdXml.NS);
        }
    }

    private static Organisation organisation(Element element) {
        return new Organisation(text(element, "OrganId"), text(element, "OrganName"));
    }

    private static LocalDate date(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidPackage(field + ": missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidPackage(field + ": '" + value + "' is not a date of the form yyyy/MM/dd");
        }
    }

    private static int integer(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback; // tolerate what real senders put in informative numeric fields
        }
    }

    static Element first(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(EdXml.NS, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element required(Element parent, String localName) {
        Element element = first(parent, localName);
        if (element == null) {
            throw new InvalidPackage(localName + ": missing");
        }
        return element;
    }

    private static String text(Element parent, String localName) {
        Element element = first(parent, localName);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String requiredText(Element parent, String localName) {
        String text = text(parent, localName);
        if (text == null) {
            throw new InvalidPackage(localName + ": missing");
        }
        return text;
    }
}
