package vn.egov.backbone.eoffice.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.backbone.eoffice.exchange.EdXml.Attachment;
import vn.egov.backbone.eoffice.exchange.EdXml.DocumentPackage;
import vn.egov.backbone.eoffice.exchange.EdXml.Organisation;
import vn.egov.backbone.eoffice.exchange.EdXml.StatusPackage;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Base64;

/** Writes edXML packages in the QCVN 102:2016 form (the {@code edXML:} prefix on the standard's namespace). */
final class EdXmlWriter {
    private static final String PREFIX = "edXML:";

    private EdXmlWriter() {
    }

    static byte[] document(DocumentPackage p) {
        Document xml = newDocument();
        Element root = xml.createElementNS(EdXml.NS, "edXML");
        xml.appendChild(root);
        Element envelope = add(root, "edXMLEnvelope");
        Element header = add(envelope, "edXMLHeader");
        Element message = add(header, "MessageHeader");
        organisation(add(message, "From"), p.from());
        for (Organisation to : p.to()) {
            organisation(add(message, "To"), to);
        }
        text(message, "DocumentId", p.documentId());
        Element code = add(message, "Code");
        text(code, "CodeNumber", p.codeNumber());
        text(code, "CodeNotation", p.codeNotation());
        Element promulgation = add(message, "PromulgationInfo");
        text(promulgation, "Place", p.place());
        text(promulgation, "PromulgationDate", date(p.promulgationDate()));
        Element type = add(message, "DocumentType");
        text(type, "Type", String.valueOf(p.typeCode()));
        text(type, "TypeDetail", "0");
        text(type, "TypeName", p.typeName());
        text(message, "Subject", p.subject());
        text(message, "Content", p.content());
        Element signer = add(message, "SignerInfo");
        text(signer, "Competence", p.signerCompetence());
        text(signer, "Position", p.signerPosition());
        text(signer, "FullName", p.signerName());
        if (p.dueDate() != null) {
            text(message, "DueDate", date(p.dueDate()));
        }
        Element other = add(message, "OtherInfo");
        text(other, "Priority", String.valueOf(p.priority()));
        if (p.pageAmount() != null) {
            text(other, "PageAmount", String.valueOf(p.pageAmount()));
        }
        if (!p.appendixes().isEmpty()) {
            Element appendixes = add(other, "Appendixes");
            p.appendixes().forEach(name -> text(appendixes, "Appendix", name));
        }
        text(message, "SteeringType", String.valueOf(p.steeringType()));
        Element places = add(message, "ToPlaces");
        p.toPlaces().forEach(place -> text(places, "Place", place));
        Element traces = add(header, "TraceHeaderList");
        Element trace = add(traces, "TraceHeader");
        text(trace, "OrganId", p.from().organId());
        text(trace, "Timestamp", java.time.LocalDateTime.now(vn.egov.backbone.core.shared.DisplayDates.VIETNAM)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")));
        Element business = add(traces, "Bussiness");
        text(business, "DocumentId", p.businessDocumentId() != null ? p.businessDocumentId() : p.documentId());
        text(business, "BussinessDocType", String.valueOf(p.businessDocType()));
        text(business, "BussinessDocReason", p.businessReason() != null ? p.businessReason()
                : p.businessDocType() == DocumentPackage.NEW ? "Văn bản điện tử mới" : "Thu hồi");
        text(business, "Paper", "0");
        if (!p.replacedDocumentIds().isEmpty()) {
            Element replacements = add(business, "ReplacementInfoList");
            for (String replaced : p.replacedDocumentIds()) {
                text(add(replacements, "ReplacementInfo"), "DocumentId", replaced);
            }
        }
        Element body = add(envelope, "edXMLBody");
        Element manifest = add(body, "edXMLManifest");
        manifest.setAttribute("version", "1.0");
        for (Attachment a : p.attachments()) {
            Element reference = add(manifest, "Reference");
            text(reference, "ContentId", a.contentId());
            text(reference, "ContentType", a.contentType());
            text(reference, "Description", a.name());
            text(reference, "AttachmentName", a.name());
        }
        Element encoded = add(root, "AttachmentEncoded");
        for (Attachment a : p.attachments()) {
            Element attachment = add(encoded, "Attachment");
            text(attachment, "ContentId", a.contentId());
            text(attachment, "AttachmentName", a.name());
            text(attachment, "Description", a.name());
            text(attachment, "ContentType", a.contentType());
            text(attachment, "ContentTransferEncoded", Base64.getEncoder().encodeToString(a.content()));
        }
        return serialise(xml);
    }

    static byte[] status(StatusPackage s) {
        Document xml = newDocument();
        Element root = xml.createElementNS(EdXml.NS, "edXML");
        xml.appendChild(root);
        Element message = add(add(add(root, "edXMLEnvelope"), "edXMLHeader"), "MessageHeader");
        organisation(add(message, "From"), s.from());
        Element response = add(message, "ResponseFor");
        text(response, "OrganId", s.responseOrganId());
        text(response, "Code", s.responseCode());
        text(response, "PromulgationDate", date(s.responsePromulgationDate()));
        text(response, "DocumentId", s.responseDocumentId());
        Element staff = add(message, "StaffInfo");
        text(staff, "Department", s.staffDepartment());
        text(staff, "Staff", s.staffName());
        text(message, "StatusCode", s.statusCode());
        text(message, "Description", s.description());
        text(message, "Timestamp", s.timestamp());
        return serialise(xml);
    }

    private static void organisation(Element element, Organisation organisation) {
        text(element, "OrganId", organisation.organId());
        text(element, "OrganName", organisation.organName());
        text(element, "OrganizationInCharge", organisation.organName());
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.format(EdXmlReader.DATE);
    }

    private static Element add(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElementNS(EdXml.NS, PREFIX + name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String name, String value) {
        if (value != null) {
            add(parent, name).setTextContent(value);
        }
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialise(Document xml) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
