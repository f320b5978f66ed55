-- Room for the phone numbers people give at a desk ("0912 345 678 hoặc 0987 654 321 (nhà)"): at 30 characters such
-- a dossier's row could not be written and the dossier was missing from every list. The aggregate now refuses
-- what does not fit; this is what fits.
ALTER TABLE dossier_view ALTER COLUMN applicant_phone SET DATA TYPE VARCHAR(100);
