-- rasd event store, schema 1.
-- Portable SQL (SQLite and PostgreSQL); {serial_pk} is filled in by the dialect.
-- JSON values are canonical TEXT (sorted keys) so that both databases hold the same bytes.

-- every version of every article: a changed text for the same id is a new row
CREATE TABLE articles (
    article_id       TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    version          INTEGER NOT NULL,
    is_current       INTEGER NOT NULL,
    published        TEXT,
    title            TEXT,
    outlet           TEXT,
    url              TEXT,
    source           TEXT,
    meta             TEXT NOT NULL,
    text             TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    status           TEXT NOT NULL,
    error            TEXT,
    ingested_at      TEXT NOT NULL,
    PRIMARY KEY (article_id, content_hash)
);
CREATE UNIQUE INDEX articles_by_version ON articles (article_id, version);
CREATE INDEX articles_by_current ON articles (is_current, article_id);

-- coded records (events, tallies, statements) with evidence and provenance:
-- extracted is what the pipeline produced, data the effective record (extracted
-- overlaid with analyst edits); the typed columns repeat effective values for queries
CREATE TABLE records (
    event_id         TEXT PRIMARY KEY,
    article_id       TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    kind             TEXT NOT NULL,
    is_current       INTEGER NOT NULL,
    event_date       TEXT,
    country          TEXT,
    admin1           TEXT,
    pcode            TEXT,
    location_ar      TEXT,
    event_type       TEXT,
    sub_event_type   TEXT,
    actor1           TEXT,
    actor2           TEXT,
    fatalities       INTEGER,
    block_id         TEXT,
    extracted        TEXT NOT NULL,
    data             TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    FOREIGN KEY (article_id, content_hash) REFERENCES articles (article_id, content_hash)
);
CREATE INDEX records_by_date ON records (is_current, kind, event_date);
CREATE INDEX records_by_article ON records (article_id, content_hash);
CREATE INDEX records_by_block ON records (block_id);

-- candidate links: pairs of current event reports that the merge rules find compatible,
-- with the rule's reasons and agreement score
CREATE TABLE links (
    event_a TEXT NOT NULL REFERENCES records (event_id),
    event_b TEXT NOT NULL REFERENCES records (event_id),
    score   INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX links_by_b ON links (event_b);

-- analysts' link decisions in force (the history is in edits): join or split a pair
CREATE TABLE link_overrides (
    event_a  TEXT NOT NULL,
    event_b  TEXT NOT NULL,
    decision TEXT NOT NULL,
    edit_id  BIGINT NOT NULL,
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX link_overrides_by_b ON link_overrides (event_b);

-- merged incidents; block_id is the connected group of reports they were computed from
CREATE TABLE incidents (
    incident_id    TEXT PRIMARY KEY,
    block_id       TEXT NOT NULL,
    event_date     TEXT,
    country        TEXT,
    admin1         TEXT,
    location       TEXT,
    event_type     TEXT,
    sub_event_type TEXT,
    actor1         TEXT,
    actor2         TEXT,
    fatalities     INTEGER,
    fatalities_min INTEGER,
    fatalities_max INTEGER,
    contradictory  INTEGER NOT NULL,
    n_reports      INTEGER NOT NULL,
    data           TEXT NOT NULL
);
CREATE INDEX incidents_by_block ON incidents (block_id);
CREATE INDEX incidents_by_date ON incidents (event_date);

-- which incident each current event report belongs to, and why
CREATE TABLE incident_reports (
    event_id    TEXT PRIMARY KEY REFERENCES records (event_id),
    incident_id TEXT NOT NULL REFERENCES incidents (incident_id),
    reasons     TEXT NOT NULL
);
CREATE INDEX incident_reports_by_incident ON incident_reports (incident_id);

-- analyst edits: who changed what, when, and the value before
CREATE TABLE edits (
    edit_id     {serial_pk},
    target_kind TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX edits_by_target ON edits (target_kind, target_id);
