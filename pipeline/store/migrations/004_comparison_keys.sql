-- 004: the comparison keys (issue 17, extract contract v2). Documents carry their header (number,
-- issuer, superior body, place); figures their own organization and year and where each was read
-- (clause, heading, document); organizations have one canonical spelling and an id.
ALTER TABLE documents ADD COLUMN number TEXT;
ALTER TABLE documents ADD COLUMN issuer TEXT;
ALTER TABLE documents ADD COLUMN superior TEXT;
ALTER TABLE documents ADD COLUMN place TEXT;
ALTER TABLE documents ADD COLUMN organization_id TEXT;
ALTER TABLE figures ADD COLUMN organization_id TEXT;
ALTER TABLE figures ADD COLUMN organization_from TEXT;
ALTER TABLE figures ADD COLUMN year_from TEXT;

CREATE TABLE organizations (
    organization_id TEXT PRIMARY KEY,  -- the canonical name in lowercase ASCII words joined by '-'
    name            TEXT,              -- canonical spelling (COMPARABLE.md)
    level           TEXT,              -- national | province | district | sector | grassroots
    province        TEXT,              -- province-level unit (its name since the 2025 merger)
    aliases         TEXT[]             -- spellings seen in documents
);
