package vn.egov.backbone.eoffice.signature;

import vn.egov.backbone.core.shared.InvalidInput;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Signs PDFs as PAdES (baseline B: a detached CAdES signature, ETSI.CAdES.detached, with the
 * signing-certificate-v2 attribute), as an incremental update so that earlier signatures stay
 * valid: the signer signs first, the records clerk adds the agency's signature after. The visible
 * signature names the signer in a font that carries Vietnamese (DejaVu Sans, embedded as a subset).
 */
public final class PadesSigner {
    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private PadesSigner() {
    }

    /**
     * Who signs, with what, and where the visible signature goes: on {@code page} (0 the first; -1 the last, where a
     * biên bản's signature blocks are), at {@code position} (points from the lower left).
     */
    public record Signer(PrivateKey key, X509Certificate[] chain, String displayName, String role, String reason,
                         String location, PDRectangle position, int page) {
        /** A signature on the first page, as an outgoing document is signed. */
        public Signer(PrivateKey key, X509Certificate[] chain, String displayName, String role, String reason,
                      String location, PDRectangle position) {
            this(key, chain, displayName, role, reason, location, position, 0);
        }
    }

    public static byte[] sign(byte[] pdf, Signer signer, Instant at) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(signer.displayName());
            signature.setReason(signer.reason());
            signature.setLocation(signer.location());
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
                int page = signer.page() < 0 ? document.getNumberOfPages() + signer.page() : signer.page();
                if (page < 0 || page >= document.getNumberOfPages()) {
                    throw new IllegalArgumentException("No page " + signer.page() + " in a PDF of " + document.getNumberOfPages());
                }
                options.setVisualSignature(appearance(document.getPage(page), signer, at));
                options.setPage(page);
                document.addSignature(signature, cms(signer), options);
                document.saveIncremental(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidInput("file", SignatureError.NOT_A_SIGNABLE_PDF);
        }
    }

    private static SignatureInterface cms(Signer signer) {
        return (InputStream content) -> {
            try {
                X509Certificate certificate = signer.chain()[0];
                // PAdES baseline B: the signed attributes bind the signing certificate (ESS signing-certificate-v2).
                ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{certId}))));
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build())
                        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                        .build(new JcaContentSignerBuilder(signer.key().getAlgorithm().equals("EC") ? "SHA256withECDSA"
                                : "SHA256withRSA").build(signer.key()), certificate));
                generator.addCertificates(new JcaCertStore(List.of(signer.chain())));
                return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("Cannot produce the CMS signature: " + e.getMessage(), e);
            }
        };
    }

    /** A one-page template, the size of the page signed, holding the signature field whose appearance names the signer. */
    private static InputStream appearance(PDPage target, Signer signer, Instant at) throws IOException {
        PDRectangle rect = signer.position();
        try (PDDocument template = new PDDocument(); InputStream font = PadesSigner.class.getResourceAsStream(FONT)) {
            PDPage page = new PDPage(target.getMediaBox());
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rect);

            PDStream stream = new PDStream(template);
            PDFormXObject xObject = new PDFormXObject(stream);
            xObject.setResources(new PDResources());
            xObject.setFormType(1);
            xObject.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream appearanceStream = new PDAppearanceStream(xObject.getCOSObject());
            appearance.setNormalAppearance(appearanceStream);
            widget.setAppearance(appearance);

            PDType0Font unicode = PDType0Font.load(template, font);
            try (PDPageContentStream content = new PDPageContentStream(template, appearanceStream)) {
                content.setStrokingColor(0.7f, 0.1f, 0.1f);
                content.setLineWidth(1f);
                content.addRect(0.5f, 0.5f, rect.getWidth() - 1, rect.getHeight() - 1);
                content.stroke();
                content.setNonStrokingColor(0.1f, 0.1f, 0.4f);
                line(content, unicode, 9, 6, rect.getHeight() - 14, "Ký bởi: " + signer.displayName());
                line(content, unicode, 8, 6, rect.getHeight() - 27, signer.role());
                line(content, unicode, 8, 6, rect.getHeight() - 40, "Thời gian ký: " + WHEN.format(at));
            }
            page.getAnnotations().add(widget);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    private static void line(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
