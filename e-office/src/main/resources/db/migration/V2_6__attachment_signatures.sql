-- Which signature made a file (SIGNER: the approving leader's, AGENCY: the agency's added by its records clerk)
-- and whether a signed version has been made from it, so that a document's page offers each signing step only on
-- the file it applies to. Files signed before this column were named by the signing code itself, so their names
-- say which signature made them; whether an older file was signed again is not known (its form stays offered).
ALTER TABLE document_attachment ADD COLUMN signature VARCHAR(16);
ALTER TABLE document_attachment ADD COLUMN superseded BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE document_attachment SET signature = 'AGENCY' WHERE content_type = 'application/pdf' AND file_name LIKE '% (đã ký số cơ quan).pdf';
UPDATE document_attachment SET signature = 'SIGNER' WHERE content_type = 'application/pdf' AND signature IS NULL AND file_name LIKE '% (đã ký).pdf';
