-- Streams are named once and never change; a stream's revision is read from its last event,
-- so an append updates no stream row (one page write fewer per append).
CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE streams (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    category_id INTEGER NOT NULL REFERENCES categories (id)
);

-- position is the rowid: the global order, assigned by the single writer inside its write lock,
-- so positions become visible in commit order with no gaps that could fill later.
CREATE TABLE events (
    position    INTEGER PRIMARY KEY,
    stream_id   INTEGER NOT NULL REFERENCES streams (id),
    revision    INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    event_id    BLOB    NOT NULL,
    type        TEXT    NOT NULL,
    data        BLOB    NOT NULL,
    metadata    BLOB    NOT NULL,
    recorded    INTEGER NOT NULL
);

-- Revision checks, idempotency checks and stream reads. No index on event_id: retries are
-- recognised at the place they would be written, which this index already reaches.
CREATE UNIQUE INDEX events_by_stream ON events (stream_id, revision);

-- Category reads and subscriptions in global order; appends land at the end of each category.
CREATE INDEX events_by_category ON events (category_id, position);
