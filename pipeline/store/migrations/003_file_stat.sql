-- 003: the modification time and inode a file had when it was hashed. With `size` they are the
-- quick check that lets a re-run skip an unchanged file without reading it (pipeline/ingest.py,
-- plan_files). NULL: the file was too new to trust its time, or was stored before this migration;
-- the next run hashes it.
ALTER TABLE files ADD COLUMN mtime_ns BIGINT;
ALTER TABLE files ADD COLUMN inode BIGINT;
