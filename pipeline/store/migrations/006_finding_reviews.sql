-- 006: how sure each audit finding is, and auditors' review marks (issue 23; docs/audit.md).
-- `confidence`: sure (the text states the relation in one sentence) | inferred (across sentences).
-- `finding_reviews` is kept across audits: a mark holds for the finding with the same id (the
-- same rule on the same figures) on every later run; `chiso audit --precision` counts them.
ALTER TABLE findings ADD COLUMN confidence TEXT;

CREATE TABLE finding_reviews (
    finding_id  TEXT PRIMARY KEY,  -- findings.finding_id (stable across audits)
    rule        TEXT,              -- the finding's rule when it was marked
    mark        TEXT,              -- confirmed | dismissed
    reviewer    TEXT,              -- who marked it
    note        TEXT,
    reviewed_at TIMESTAMP          -- UTC
);
