-- 007: where a figure was read, besides its page (issue 19): from an image by OCR (`ocr`, and the
-- mean confidence 0-100 of its block's words), or from a workbook's cell (`cell`: `Biểu 01!F9`).
ALTER TABLE figures ADD COLUMN ocr BOOLEAN;
ALTER TABLE figures ADD COLUMN ocr_confidence DOUBLE;
ALTER TABLE figures ADD COLUMN cell TEXT;
