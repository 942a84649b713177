-- 0002_index_sentences_per_statement: the store fills the full-text index itself, one
-- statement per document, instead of a trigger per inserted sentence.
--
-- Why: FTS5 writes out its pending terms at every statement savepoint, and a trigger runs
-- inside one per row, so each sentence became its own tiny index segment that later had to
-- be merged. Measured on 1,000 documents x 30 sentences: ~5.5 ms per document with the
-- trigger, ~1.4 ms with one "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM
-- sentences WHERE document_id = ?" per document (store/sqlite.py, add_sentences).
--
-- What stays: the delete and update triggers, so a deleted or edited sentence (including
-- ON DELETE CASCADE from its document) leaves the index. Consequence: a sentence inserted
-- by hand, outside the store, is not searchable until it is indexed; integrity_check()
-- reports it, and "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')" repairs it.
-- Existing stores need no rebuild: their index already holds every sentence.

DROP TRIGGER sentences_fts_insert;
