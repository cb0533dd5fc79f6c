-- 005: one document counted once (issue 20). A document whose normalized text is that of a document
-- stored before it (the same speech as TXT, DOCX and PDF; a re-send; a web page and its PDF) names it
-- in `duplicate_of`; it keeps its rows and provenance, and readers leave it out by default
-- (pipeline/dataset.py; `--with-duplicates` shows all). docs/schema.md, "Duplicate documents".
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;   -- doc_id of the canonical document, NULL: canonical
ALTER TABLE documents ADD COLUMN text_hash TEXT;      -- sha256 of the normalized words (exact duplicates)
ALTER TABLE documents ADD COLUMN sketch BIGINT[];     -- smallest 5-word shingle hashes (near-duplicate candidates)
ALTER TABLE documents ADD COLUMN similarity DOUBLE;   -- Jaccard of the shingles with duplicate_of (1: same words)
