-- __schema__ is replaced by the configured schema name (quoted) before the script runs.

-- The head of the log: one row whose lock every append transaction takes before it picks positions and keeps
-- until it commits. Position assignment is thereby serialised at commit: a transaction can only pick positions
-- after the previous one is visible, so no reader ever sees position p while a lower one can still commit.
CREATE TABLE __schema__.log_head (
    id            smallint PRIMARY KEY CHECK (id = 1),
    last_position bigint   NOT NULL
);
INSERT INTO __schema__.log_head (id, last_position) VALUES (1, 0);

-- Streams are named once and never change; a stream's revision is read from its last event,
-- so an append updates no stream row.
CREATE TABLE __schema__.streams (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text   NOT NULL UNIQUE,
    category text   NOT NULL
);

-- Data and metadata are bytea, not jsonb: they read back byte for byte. No foreign key on stream_id:
-- only append_batch writes here, and it creates the stream row first (the check would cost every insert).
CREATE TABLE __schema__.events (
    position  bigint      PRIMARY KEY,
    stream_id bigint      NOT NULL,
    revision  bigint      NOT NULL,
    category  text        NOT NULL,
    event_id  uuid        NOT NULL,
    type      text        NOT NULL,
    data      bytea       NOT NULL,
    metadata  bytea       NOT NULL,
    recorded  timestamptz NOT NULL
);

-- Revision checks, idempotency checks and stream reads. No index on event_id: retries are
-- recognised at the place they would be written, which this index already reaches.
CREATE UNIQUE INDEX events_by_stream ON __schema__.events (stream_id, revision);

-- Category reads and subscriptions in global order.
CREATE INDEX events_by_category ON __schema__.events (category, position);

-- One group commit in one statement (one round trip, one implicit transaction, one WAL flush): appends are
-- decided and written in order under the log-head lock, and each gets its own row back:
-- outcome 0 = written, 1 = idempotent retry (nothing written), 2 = wrong expected revision (revision = actual).
-- The decision follows AppendDecision.Decide in src/Domain/EventStore; the conformance suite pins both.
-- Expected revisions are encoded as in ExpectedRevision.Value: -1 no stream, -2 any, -4 stream exists, else exact.
CREATE FUNCTION __schema__.append_batch(
    p_streams    text[],
    p_categories text[],
    p_expected   bigint[],
    p_counts     integer[],
    p_ids        uuid[],
    p_types      text[],
    p_data       bytea[],
    p_metadata   bytea[],
    p_recorded   timestamptz,
    p_channel    text)
RETURNS TABLE (outcome smallint, revision bigint, log_position bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_next     bigint;
    v_first    bigint;
    v_offset   integer := 0;
    v_count    integer;
    v_expected bigint;
    v_stream   bigint;
    v_current  bigint;
    v_from     bigint;
    v_to       bigint;
    v_check    boolean;
    v_conflict boolean;
BEGIN
    SELECT h.last_position + 1 INTO v_next FROM __schema__.log_head h WHERE h.id = 1 FOR UPDATE;
    v_first := v_next;
    FOR i IN 1 .. coalesce(array_length(p_streams, 1), 0) LOOP
        v_count := p_counts[i];
        v_expected := p_expected[i];
        v_current := NULL;
        SELECT s.id INTO v_stream FROM __schema__.streams s WHERE s.name = p_streams[i];
        IF v_stream IS NOT NULL THEN
            SELECT e.revision INTO v_current FROM __schema__.events e
            WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;
        END IF;
        v_current := coalesce(v_current, -1);

        v_check := false;
        v_conflict := false;
        IF v_expected >= -1 THEN
            IF v_current = v_expected THEN
                NULL;
            ELSIF v_current >= v_expected + v_count THEN
                v_check := true; v_conflict := true; v_from := v_expected + 1; v_to := v_expected + v_count;
            ELSE
                v_conflict := true;
            END IF;
        ELSIF v_expected = -4 AND v_current = -1 THEN
            v_conflict := true;
        ELSIF v_current + 1 >= v_count THEN
            v_check := true; v_from := v_current - v_count + 1; v_to := v_current;
        END IF;

        IF v_check AND (SELECT array_agg(e.event_id ORDER BY e.revision) FROM __schema__.events e
                        WHERE e.stream_id = v_stream AND e.revision BETWEEN v_from AND v_to)
                       = p_ids[v_offset + 1 : v_offset + v_count] THEN
            outcome := 1;
            revision := v_to;
            SELECT e.position INTO log_position FROM __schema__.events e WHERE e.stream_id = v_stream AND e.revision = v_to;
        ELSIF v_conflict THEN
            outcome := 2;
            revision := v_current;
            log_position := 0;
        ELSE
            IF v_stream IS NULL THEN
                INSERT INTO __schema__.streams (name, category) VALUES (p_streams[i], p_categories[i]) RETURNING id INTO v_stream;
            END IF;
            INSERT INTO __schema__.events (position, stream_id, revision, category, event_id, type, data, metadata, recorded)
            SELECT v_next + k, v_stream, v_current + 1 + k, p_categories[i],
                   p_ids[v_offset + 1 + k], p_types[v_offset + 1 + k], p_data[v_offset + 1 + k], p_metadata[v_offset + 1 + k], p_recorded
            FROM generate_series(0, v_count - 1) AS k;
            v_next := v_next + v_count;
            outcome := 0;
            revision := v_current + v_count;
            log_position := v_next - 1;
        END IF;
        v_offset := v_offset + v_count;
        RETURN NEXT;
    END LOOP;

    IF v_next > v_first THEN
        UPDATE __schema__.log_head SET last_position = v_next - 1 WHERE id = 1;
        -- Delivered at commit, to every LISTEN on the channel: subscribers wake instead of polling.
        PERFORM pg_notify(p_channel, (v_next - 1)::text);
    END IF;
END
$$;
