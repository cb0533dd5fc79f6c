-- 001: the core dataset tables (docs/schema.md describes every column).
-- Paths are store keys: relative to the database's folder when the file lies under it,
-- else absolute (pipeline/store/paths.py). Timestamps are UTC.

CREATE TABLE files (
    path              TEXT PRIMARY KEY,
    sha256            TEXT,
    size              BIGINT,
    format            TEXT,
    status            TEXT,       -- ok | needs_ocr | failed
    error             TEXT,
    pages             INTEGER,
    documents         INTEGER,
    figures           INTEGER,
    extractor_version TEXT,
    ingested_at       TIMESTAMP,
    run_id            TEXT,
    "references"      INTEGER,    -- added to the contract: references found in the file
    duplicate_of      TEXT,       -- added: path already holding the same bytes (its rows are not repeated)
    warnings          TEXT        -- added: reader warnings, one per line
);

CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,  -- f"{sha256[:16]}:{doc_index}"
    sha256       TEXT,
    path         TEXT,
    doc_index    INTEGER,
    kind         TEXT,
    title        TEXT,
    organization TEXT,
    date         DATE,
    year         INTEGER,           -- year of date, else NULL
    text         TEXT,
    char_start   INTEGER,
    char_end     INTEGER
);

CREATE TABLE figures (
    figure_id         TEXT PRIMARY KEY,  -- f"{doc_id}:{char_start}"
    doc_id            TEXT,
    sha256            TEXT,
    path              TEXT,
    doc_index         INTEGER,
    organization      TEXT,
    doc_kind          TEXT,
    doc_date          DATE,
    year              INTEGER,           -- deadline_year of a target that has one, else the document's year
    page              INTEGER,
    char_start        INTEGER,
    char_end          INTEGER,
    text              TEXT,
    value             DOUBLE,
    value_max         DOUBLE,
    unit              TEXT,
    entity            TEXT,
    indicator         TEXT,
    modality          TEXT,
    comparator        TEXT,
    aggregation       TEXT,
    period_years      DOUBLE,
    deadline_year     INTEGER,
    recurrence        TEXT,
    relation          TEXT,
    denominator       DOUBLE,
    ambiguous         BOOLEAN,
    sentence          TEXT,
    sentence_start    INTEGER,
    extractor_version TEXT
);

CREATE TABLE "references" (
    ref_id     TEXT PRIMARY KEY,  -- f"{doc_id}:r{char_start}"
    doc_id     TEXT,
    sha256     TEXT,
    path       TEXT,
    doc_index  INTEGER,
    char_start INTEGER,
    char_end   INTEGER,
    text       TEXT,
    number     TEXT,
    kind       TEXT,
    date       DATE,
    formal     BOOLEAN
);

CREATE TABLE runs (
    run_id            TEXT PRIMARY KEY,
    extractor_version TEXT,
    runner            TEXT,       -- cli | prefect | prefect-dask
    started_at        TIMESTAMP,
    ended_at          TIMESTAMP,  -- NULL: the run was interrupted
    files_seen        INTEGER,
    skipped           INTEGER,
    ingested          INTEGER,
    failed            INTEGER,
    documents         INTEGER,
    figures           INTEGER,
    "references"      INTEGER,
    findings          INTEGER
);
