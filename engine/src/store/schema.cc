// The schema (engine/DESIGN.md, "Storage" describes every table and why it exists).
#include "schema.h"

namespace uitdaag::store_internal {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "cases, event log, deadlines, timers, outbox, documents, idempotency keys",
       {
           R"sql(CREATE TABLE schema_migrations (
                   version    INTEGER PRIMARY KEY,
                   name       TEXT NOT NULL,
                   applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
           )sql",
           R"sql(CREATE TABLE cases (
                   id               TEXT PRIMARY KEY,
                   workflow_id      TEXT NOT NULL,
                   workflow_version INTEGER NOT NULL,
                   state            TEXT NOT NULL,
                   version          INTEGER NOT NULL CHECK (version >= 1),
                   assigned_role    TEXT NOT NULL,
                   snapshot         TEXT NOT NULL,
                   head_hash        TEXT NOT NULL,
                   created_at       INTEGER NOT NULL,
                   updated_at       INTEGER NOT NULL)
           )sql",
           "CREATE INDEX cases_by_state ON cases (workflow_id, state)",
           "CREATE INDEX cases_by_role ON cases (assigned_role, updated_at)",
           R"sql(CREATE TABLE events (
                   case_id          TEXT NOT NULL REFERENCES cases (id),
                   seq              INTEGER NOT NULL CHECK (seq >= 1),
                   workflow_id      TEXT NOT NULL,
                   workflow_version INTEGER NOT NULL,
                   event            TEXT NOT NULL,
                   timer            TEXT NOT NULL,
                   actor            TEXT NOT NULL,
                   role             TEXT NOT NULL,
                   at               INTEGER NOT NULL,
                   recorded_at      INTEGER NOT NULL,
                   payload          TEXT NOT NULL,
                   from_state       TEXT NOT NULL,
                   to_state         TEXT NOT NULL,
                   effects          TEXT NOT NULL,
                   prev_hash        TEXT NOT NULL,
                   hash             TEXT NOT NULL,
                   PRIMARY KEY (case_id, seq))
           )sql",
           R"sql(CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
                 BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
           )sql",
           R"sql(CREATE TRIGGER events_are_kept BEFORE DELETE ON events
                 BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
           )sql",
           R"sql(CREATE TABLE deadlines (
                   case_id     TEXT NOT NULL REFERENCES cases (id),
                   deadline_id TEXT NOT NULL,
                   round       INTEGER NOT NULL,
                   status      TEXT NOT NULL,
                   start       TEXT NOT NULL,
                   legal_end   TEXT NOT NULL,
                   target      TEXT NOT NULL,
                   provisional INTEGER NOT NULL,
                   track       TEXT NOT NULL,
                   PRIMARY KEY (case_id, deadline_id)) WITHOUT ROWID
           )sql",
           "CREATE INDEX deadlines_by_end ON deadlines (status, legal_end)",
           R"sql(CREATE TABLE timers (
                   case_id     TEXT NOT NULL REFERENCES cases (id),
                   deadline_id TEXT NOT NULL,
                   kind        TEXT NOT NULL CHECK (kind IN ('expiry', 'warning')),
                   round       INTEGER NOT NULL,
                   due_at      INTEGER NOT NULL,
                   PRIMARY KEY (case_id, deadline_id, kind)) WITHOUT ROWID
           )sql",
           "CREATE INDEX timers_by_due ON timers (due_at, case_id, kind, deadline_id)",
           R"sql(CREATE TABLE outbox (
                   id              INTEGER PRIMARY KEY,
                   case_id         TEXT NOT NULL REFERENCES cases (id),
                   seq             INTEGER NOT NULL,
                   kind            TEXT NOT NULL,
                   effect          TEXT NOT NULL,
                   status          TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
                   attempts        INTEGER NOT NULL DEFAULT 0,
                   last_error      TEXT NOT NULL DEFAULT '',
                   next_attempt_at INTEGER NOT NULL,
                   created_at      INTEGER NOT NULL,
                   done_at         INTEGER)
           )sql",
           "CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending'",
           "CREATE INDEX outbox_by_case ON outbox (case_id, id)",
           R"sql(CREATE TABLE documents (
                   id         INTEGER PRIMARY KEY,
                   case_id    TEXT NOT NULL REFERENCES cases (id),
                   seq        INTEGER NOT NULL,
                   kind       TEXT NOT NULL,
                   name       TEXT NOT NULL,
                   media_type TEXT NOT NULL,
                   content    BLOB NOT NULL,
                   sha256     TEXT NOT NULL,
                   created_at INTEGER NOT NULL)
           )sql",
           "CREATE INDEX documents_by_case ON documents (case_id, id)",
           R"sql(CREATE TRIGGER documents_are_immutable BEFORE UPDATE ON documents
                 BEGIN SELECT RAISE(ABORT, 'stored documents are immutable'); END
           )sql",
           R"sql(CREATE TRIGGER documents_are_kept BEFORE DELETE ON documents
                 BEGIN SELECT RAISE(ABORT, 'stored documents are immutable'); END
           )sql",
           R"sql(CREATE TABLE idempotency_keys (
                   key          TEXT PRIMARY KEY,
                   request_hash TEXT NOT NULL,
                   case_id      TEXT NOT NULL REFERENCES cases (id),
                   created_at   INTEGER NOT NULL) WITHOUT ROWID
           )sql",
           R"sql(CREATE TABLE case_numbers (
                   year INTEGER PRIMARY KEY,
                   last INTEGER NOT NULL)
           )sql",
       }},
      {2,
       "parties (applicant, handler) and letters",
       {
           R"sql(CREATE TABLE parties (
                   case_id    TEXT NOT NULL REFERENCES cases (id),
                   role       TEXT NOT NULL CHECK (role IN ('applicant', 'handler')),
                   party      TEXT NOT NULL,
                   updated_at INTEGER NOT NULL,
                   PRIMARY KEY (case_id, role)) WITHOUT ROWID
           )sql",
           R"sql(CREATE TABLE letters (
                   id               INTEGER PRIMARY KEY,
                   case_id          TEXT NOT NULL REFERENCES cases (id),
                   seq              INTEGER NOT NULL,
                   outbox_id        INTEGER UNIQUE REFERENCES outbox (id),
                   template         TEXT NOT NULL,
                   template_version TEXT NOT NULL,
                   letter_date      TEXT NOT NULL,
                   context          TEXT NOT NULL,
                   html_document_id INTEGER NOT NULL REFERENCES documents (id),
                   pdf_document_id  INTEGER NOT NULL REFERENCES documents (id),
                   created_at       INTEGER NOT NULL)
           )sql",
           "CREATE INDEX letters_by_case ON letters (case_id, id)",
           R"sql(CREATE TRIGGER letters_are_immutable BEFORE UPDATE ON letters
                 BEGIN SELECT RAISE(ABORT, 'stored letters are immutable'); END
           )sql",
           R"sql(CREATE TRIGGER letters_are_kept BEFORE DELETE ON letters
                 BEGIN SELECT RAISE(ABORT, 'stored letters are immutable'); END
           )sql",
       }},
      {3,
       "accounts, sessions, case access tokens",
       {
           R"sql(CREATE TABLE accounts (
                   username      TEXT PRIMARY KEY,
                   display_name  TEXT NOT NULL,
                   roles         TEXT NOT NULL,  -- JSON array of workflow role ids
                   admin         INTEGER NOT NULL,
                   password_hash TEXT NOT NULL,  -- Argon2id encoded string
                   disabled      INTEGER NOT NULL DEFAULT 0,
                   created_at    INTEGER NOT NULL,
                   updated_at    INTEGER NOT NULL)
           )sql",
           // A session's key is the SHA-256 (hex) of its token: a stolen database (or backup)
           // yields no usable session.
           R"sql(CREATE TABLE sessions (
                   token_hash TEXT PRIMARY KEY,
                   username   TEXT NOT NULL REFERENCES accounts (username),
                   created_at INTEGER NOT NULL,
                   expires_at INTEGER NOT NULL,
                   kind       TEXT NOT NULL CHECK (kind IN ('session', 'api')))
           )sql",
           "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
           "CREATE INDEX sessions_by_user ON sessions (username)",
           R"sql(CREATE TABLE case_tokens (
                   token_hash TEXT PRIMARY KEY,
                   case_id    TEXT NOT NULL REFERENCES cases (id),
                   created_at INTEGER NOT NULL)
           )sql",
           "CREATE INDEX case_tokens_by_case ON case_tokens (case_id)",
       }},
      {4,
       "labels of API tokens",
       {
           "ALTER TABLE sessions ADD COLUMN label TEXT NOT NULL DEFAULT ''",
       }},
      {5,
       "case handler; indexes for case listings and figures",
       {
           // The username of the staff member who handles the case; '' while nobody does.
           // Not part of the snapshot: the engine never sees it (like the parties).
           "ALTER TABLE cases ADD COLUMN handler TEXT NOT NULL DEFAULT ''",
           "CREATE INDEX cases_by_handler ON cases (handler, id)",
           "CREATE INDEX cases_by_created ON cases (created_at)",
       }},
      {6,
       "drafts of a submission",
       {
           // A resident's form filled in so far (uitdaag/draft.h). Like a session, a draft is
           // found by the SHA-256 (hex) of its token; the token itself is never stored. The
           // values are the raw strings typed, as JSON; a submitted draft keeps none of them.
           R"sql(CREATE TABLE drafts (
                   id               INTEGER PRIMARY KEY,
                   token_hash       TEXT NOT NULL UNIQUE,
                   workflow_id      TEXT NOT NULL,
                   workflow_version INTEGER NOT NULL,
                   data             TEXT NOT NULL,  -- JSON object: field -> string or [string]
                   applicant        TEXT NOT NULL,  -- JSON object: field -> string
                   page             INTEGER NOT NULL CHECK (page >= 0),
                   ttl_seconds      INTEGER NOT NULL CHECK (ttl_seconds > 0),
                   created_at       INTEGER NOT NULL,
                   updated_at       INTEGER NOT NULL,
                   expires_at       INTEGER NOT NULL,
                   submitted_case   TEXT REFERENCES cases (id),
                   submitted_at     INTEGER,
                   CHECK ((submitted_case IS NULL) = (submitted_at IS NULL)),
                   CHECK (submitted_case IS NULL OR (data = '{}' AND applicant = '{}')))
           )sql",
           "CREATE INDEX drafts_by_expiry ON drafts (expires_at)",
       }},
  };
  return kMigrations;
}

}  // namespace uitdaag::store_internal
