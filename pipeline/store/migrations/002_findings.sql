-- 002: findings of the consistency audit (pipeline/audit, `chiso audit`; docs/audit.md).
-- One row per checked relation that did not come out consistent; each `chiso audit` run
-- replaces the previous audit's rows.
CREATE TABLE findings (
    finding_id   TEXT PRIMARY KEY,  -- stable: sha256 of rule + sorted figure ids, first 20 hex digits
    rule         TEXT,              -- AVG_TOTAL | SHARE_COUNTS | PART_WHOLE | TARGET_MONOTONE | CROSS_DOC | ACHIEVEMENT | OUT_OF_RANGE
    severity     TEXT,              -- error | warning | info
    outcome      TEXT,              -- inconsistent | truncated | consistent
    organization TEXT,
    indicator    TEXT,              -- the figures' indicator id, else their entity
    message_vi   TEXT,
    message_en   TEXT,
    arithmetic   TEXT,              -- the recomputation, e.g. "2668 / 5 = 533.6; written 533 → …"
    figure_ids   TEXT[],            -- the figures it rests on (figures.figure_id)
    evidence     JSON,              -- [{figure_id, path, doc_index, text, value, sentence, char_start, char_end, sentence_start}]
    created_at   TIMESTAMP          -- UTC
);
