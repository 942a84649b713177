-- 0001_initial: documents and their versions, sentences with full-text search, ingest
-- errors, entities and aliases, mentions, claims and figures.
--
-- Conventions: ids are INTEGER PRIMARY KEY (rowid aliases); times are ISO 8601 UTC text;
-- JSON columns are checked with json_valid(); every vocabulary column has a CHECK listing
-- its valid values, so a bad value fails loudly at the INSERT that wrote it.
-- The runner (store/migrations.py) applies this file in one transaction and records it in
-- schema_migrations; never edit a released migration, add 0002_*.sql instead.

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    content_hash        TEXT    NOT NULL UNIQUE CHECK (length(content_hash) = 64),
    source              TEXT    NOT NULL,          -- the path or URL it was read from
    url                 TEXT,
    path                TEXT,
    title               TEXT,
    publisher           TEXT,
    published           TEXT,                      -- ISO date (YYYY[-MM[-DD]])
    language            TEXT,
    text                TEXT    NOT NULL,          -- the cleaned text; offsets index it
    ingested_at         TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    previous_id         INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    extraction_status   TEXT    NOT NULL DEFAULT 'pending'
                        CHECK (extraction_status IN ('pending', 'done', 'unsupported_language', 'error')),
    extractor_version   TEXT,
    removed_boilerplate TEXT    CHECK (removed_boilerplate IS NULL OR json_valid(removed_boilerplate)),
    UNIQUE (source, version)
);
CREATE INDEX documents_previous ON documents (previous_id);
CREATE INDEX documents_language ON documents (language);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL CHECK (idx >= 0),  -- position in the document ("index")
    start_char  INTEGER NOT NULL CHECK (start_char >= 0),
    end_char    INTEGER NOT NULL CHECK (end_char >= start_char),
    text        TEXT    NOT NULL,
    UNIQUE (document_id, idx)
);
CREATE INDEX sentences_document_start ON sentences (document_id, start_char);

-- External-content FTS5 index over sentences.text, kept in step by triggers. Chosen over a
-- contentless table because it can be rebuilt ('rebuild') and checked against its content
-- ('integrity-check'), and rows can be deleted on every SQLite with FTS5.
-- remove_diacritics 2: "Idleb" finds "Idléb", "francais" finds "Français".
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

-- The latest error per source only: a source that later succeeds is deleted from here.
CREATE TABLE ingest_errors (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL UNIQUE,
    code          TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    occurred_at   TEXT    NOT NULL,                -- the latest failure
    first_seen_at TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1)
);

CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,                      -- canonical name
    type       TEXT NOT NULL,
    qid        TEXT,                               -- Wikidata id when known
    created_at TEXT NOT NULL,
    UNIQUE (name, type)
);
CREATE INDEX entities_qid ON entities (qid);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    how       TEXT    NOT NULL,                    -- acronym, also_known_as, gazetteer, surface, ...
    PRIMARY KEY (entity_id, alias, how)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);

CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_id      INTEGER REFERENCES sentences (id) ON DELETE CASCADE,
    entity_id        INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    start_char       INTEGER NOT NULL CHECK (start_char >= 0),
    end_char         INTEGER NOT NULL CHECK (end_char >= start_char),
    text             TEXT    NOT NULL,
    label            TEXT    NOT NULL,
    canonical        TEXT,
    qid              TEXT,
    source_component TEXT    NOT NULL              -- gazetteer, ner, acronym, repair, ...
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE claims (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: ids may be cited
    document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_id       INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    start_char        INTEGER NOT NULL CHECK (start_char >= 0),
    end_char          INTEGER NOT NULL CHECK (end_char >= start_char),
    kind              TEXT    NOT NULL CHECK (kind IN ('entity', 'alias', 'relation', 'date', 'figure')),
    subject           TEXT    NOT NULL,
    subject_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    predicate         TEXT    NOT NULL,
    value_text        TEXT,
    value_entity_id   INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    attributed_to     TEXT,                        -- who is cited, as written
    as_of             TEXT,
    published         TEXT,
    extractor         TEXT    NOT NULL,
    extractor_version TEXT    NOT NULL,
    confidence        REAL    CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    review_state      TEXT    NOT NULL DEFAULT 'unreviewed'
                      CHECK (review_state IN ('unreviewed', 'accepted', 'rejected', 'edited')),
    payload           TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
    created_at        TEXT    NOT NULL
);
CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX claims_sentence ON claims (sentence_id);
CREATE INDEX claims_kind_predicate ON claims (kind, predicate);
CREATE INDEX claims_subject_entity ON claims (subject_entity_id);
CREATE INDEX claims_value_entity ON claims (value_entity_id);

CREATE TABLE figures (
    claim_id        INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    value           NUMERIC,                       -- NUMERIC keeps 130 an integer, 1.5 a real
    low             NUMERIC,
    high            NUMERIC,
    qualifier       TEXT    NOT NULL DEFAULT 'exact',
    approx          INTEGER NOT NULL DEFAULT 0 CHECK (approx IN (0, 1)),
    unit            TEXT    NOT NULL DEFAULT 'persons',
    counts          TEXT    NOT NULL DEFAULT '',
    cohort_key      TEXT    NOT NULL DEFAULT '',   -- keys.cohort_key(): "nationality:french;role:fighter"
    nationality     TEXT,
    gender          TEXT,
    age_class       TEXT,
    role            TEXT,
    noun            TEXT,
    status          TEXT,
    place           TEXT,
    place_key       TEXT,                          -- keys.normalise_key(place)
    as_of           TEXT,
    parent_claim_id INTEGER REFERENCES claims (id) ON DELETE SET NULL
                    CHECK (parent_claim_id IS NULL OR parent_claim_id <> claim_id)
);
CREATE INDEX figures_cohort_status ON figures (cohort_key, status);
CREATE INDEX figures_place ON figures (place_key);
CREATE INDEX figures_parent ON figures (parent_claim_id);
