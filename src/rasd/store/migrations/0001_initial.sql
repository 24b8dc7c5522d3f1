-- rasd event store, schema 1.
-- Portable SQL (SQLite and PostgreSQL); {serial_pk} and {blob} are filled in by the dialect.
-- JSON values are canonical TEXT (sorted keys) so that both databases hold the same bytes.
-- An article's text is kept as UTF-8 bytes: PostgreSQL TEXT cannot hold a NUL character,
-- and the raw text is never altered.

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
    text             {blob} NOT NULL,
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
-- overlaid with analyst edits); the typed columns repeat effective values for queries;
-- summary is the record's contribution to its incident (rasd.merge.incident.summarize)
-- and profile_id the merge profile of a current event (NULL otherwise)
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
    profile_id       TEXT,
    summary          TEXT NOT NULL,
    extracted        TEXT NOT NULL,
    data             TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    FOREIGN KEY (article_id, content_hash) REFERENCES articles (article_id, content_hash)
);
CREATE INDEX records_by_date ON records (is_current, kind, event_date);
CREATE INDEX records_by_article ON records (article_id, content_hash);
CREATE INDEX records_by_profile ON records (profile_id);

-- merge profiles (rasd.merge.profile): current event reports with the same merge
-- fields, linked once; signature holds those fields, reasons why two of its reports
-- are one incident; incident_id the incident its reports are in
CREATE TABLE profiles (
    profile_id  TEXT PRIMARY KEY,
    day         TEXT,
    signature   TEXT NOT NULL,
    reasons     TEXT NOT NULL,
    mergeable   INTEGER NOT NULL,
    n_reports   INTEGER NOT NULL,
    incident_id TEXT
);
CREATE INDEX profiles_by_incident ON profiles (incident_id);

-- blocking: the place keys of each mergeable profile, by day (candidates share one)
CREATE TABLE profile_keys (
    place_key  TEXT NOT NULL,
    day        TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    PRIMARY KEY (place_key, day, profile_id)
);
CREATE INDEX profile_keys_by_profile ON profile_keys (profile_id);

-- links: pairs of profiles the merge rules find compatible, with the rule's reasons
-- and agreement score
CREATE TABLE profile_links (
    profile_a TEXT NOT NULL,
    profile_b TEXT NOT NULL,
    score     INTEGER NOT NULL,
    reasons   TEXT NOT NULL,
    PRIMARY KEY (profile_a, profile_b)
);
CREATE INDEX profile_links_by_b ON profile_links (profile_b);

-- profiles holding reports of one article: never one incident (the extractor kept
-- those reports apart)
CREATE TABLE profile_conflicts (
    article_id TEXT NOT NULL,
    profile_a  TEXT NOT NULL,
    profile_b  TEXT NOT NULL,
    PRIMARY KEY (article_id, profile_a, profile_b)
);
CREATE INDEX profile_conflicts_by_a ON profile_conflicts (profile_a);
CREATE INDEX profile_conflicts_by_b ON profile_conflicts (profile_b);

-- analysts' link decisions in force (the history is in edits): join or split a pair
-- of reports; both reports then get profiles of their own
CREATE TABLE link_overrides (
    event_a  TEXT NOT NULL,
    event_b  TEXT NOT NULL,
    decision TEXT NOT NULL,
    edit_id  BIGINT NOT NULL,
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX link_overrides_by_b ON link_overrides (event_b);

-- merged incidents (a group of profiles: their reports are found through
-- profiles.incident_id); summary is the reports' sum (rasd.merge.incident),
-- data the incident record with analyst edits applied, without its list of reports
CREATE TABLE incidents (
    incident_id    TEXT PRIMARY KEY,
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
    summary        TEXT NOT NULL,
    data           TEXT NOT NULL
);
CREATE INDEX incidents_by_date ON incidents (event_date);

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
