// CaseStore: cases, their event log, deadlines, timers, outbox, documents and idempotency keys
// in one SQLite file, through Poco::Data.
//
// Durability: WAL journal with synchronous=FULL by default, so a commit that returned OK
// survives a power cut; foreign keys on; a busy timeout so that a second writer waits instead of
// failing at once. The schema is versioned (PRAGMA user_version) and Open() applies missing
// migrations, each in its own transaction; a database written by a newer build is refused.
//
// Commit() is the one write path for case changes. In one IMMEDIATE transaction it checks the
// expected version, appends the log entry with its hash chain (uitdaag/audit.h), writes the new
// snapshot, upserts the changed deadlines, replaces the case's pending timers and queues the
// outbox effects. Either all of that is stored or none of it (engine/DESIGN.md, "Storage").
//
// Errors (never exceptions):
//   kConflict           the case changed since the snapshot the caller stepped from
//   kAlreadyExists      an idempotency key that is already used (subject: the existing case id)
//   kNotFound           no such case / document
//   kUnavailable        the database stayed locked by another connection past the busy timeout
//   kResourceExhausted  the disk or the database is full
//   kIoError            cannot open, read-only, corrupt, or any other I/O failure
//   kFailedPrecondition the schema is newer than this build knows
//   kPermissionDenied   a login, session token or case token that does not check out (one
//                       message per kind, whatever the reason: see "Accounts and sessions");
//                       a draft token that does not check out is kNotFound (see "Drafts")
//
// Thread safety: one CaseStore is one SQLite connection and must be used by one thread at a
// time. Open one store per thread (or per process); SQLite and the version check keep them
// consistent with each other.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/accounts.h"
#include "uitdaag/audit.h"
#include "uitdaag/case.h"
#include "uitdaag/case_query.h"
#include "uitdaag/deadline.h"
#include "uitdaag/draft.h"
#include "uitdaag/effect.h"
#include "uitdaag/engine.h"
#include "uitdaag/instant.h"
#include "uitdaag/party.h"
#include "uitdaag/password.h"
#include "uitdaag/status.h"

namespace uitdaag {

struct StoreOptions {
  std::string path;  // the database file; created when absent unless read_only
  bool read_only = false;
  bool synchronous_full = true;  // false: synchronous=NORMAL (loses the last commits on power
                                 // loss; for benchmarks and bulk loads only)
  int busy_timeout_ms = 5000;
  // Tests of migrations only: a new or older database is migrated up to this version and no
  // further (0: the latest). Never set it on a database the service uses.
  int schema_version_for_testing = 0;
  int64_t max_size_bytes = 0;  // 0: no cap; else commits that would grow the file beyond it fail
                               // with kResourceExhausted (PRAGMA max_page_count)
};

// The current snapshot of a stored case and the hash at the head of its log.
struct StoredCase {
  CaseSnapshot snapshot;
  std::string head_hash;
};

// The computed state of one deadline, kept queryable next to the snapshot.
struct DeadlineRecord {
  DeadlineTrack track;
  Date legal_end;
  std::optional<Date> target;  // service-level date, when the rule has one
  bool provisional = false;    // an open suspension: the end moves on daily
};

// A claim on an idempotency key, made by the submission that creates a case.
struct IdempotencyClaim {
  std::string key;
  std::string request_hash;  // of the request body; a reuse with another body is refused
};

struct CommitRequest {
  // The snapshot after the step. For a new case (expected_version 0) leave id empty: the store
  // numbers the case "<year>-<000001>" from the entry's year, and fills the id in.
  CaseSnapshot snapshot;
  int64_t expected_version = 0;  // the version the step started from
  // The log entry without case_id, seq, prev_hash, hash and recorded_at (the store sets them).
  LogEntry entry;
  std::vector<DeadlineRecord> deadlines;  // tracks that changed in this step
  std::vector<DueTimer> timers;           // every pending timer of the case (replaces the stored)
  std::vector<Effect> outbox;             // effects to carry out after the commit
  std::optional<IdempotencyClaim> idempotency;
  std::optional<Party> applicant;  // a new case: who submitted it (stored with the case)
  Instant now;
};

struct CommitResult {
  std::string case_id;
  int64_t version = 0;
  std::string hash;
  std::vector<int64_t> outbox_ids;
};

struct TimerRecord {
  std::string case_id;
  TimerRef ref;
  Instant due;
};

struct OutboxItem {
  enum class Status { kPending, kDone, kFailed };  // kFailed: gave up after max attempts
  int64_t id = 0;
  std::string case_id;
  int64_t seq = 0;
  Effect effect;
  Status status = Status::kPending;
  int attempts = 0;
  std::string last_error;
  Instant next_attempt;
};

struct Document {
  int64_t id = 0;
  std::string case_id;
  int64_t seq = 0;   // the log entry that produced it (0: not tied to an entry)
  std::string kind;  // "letter", "upload"
  std::string name;
  std::string media_type;
  std::string content;
  std::string sha256;
  Instant created_at;
  int64_t size = 0;  // bytes of content (set by GetDocument and Documents)
};

// A rendered letter: the HTML and PDF documents, and what they were rendered from. Immutable.
struct LetterRecord {
  int64_t id = 0;
  std::string case_id;
  int64_t seq = 0;                   // the log entry whose step sent it
  std::optional<int64_t> outbox_id;  // the render effect; absent for a manual re-render
  std::string template_name;
  std::string template_version;  // TemplateLibrary::Version at rendering
  Date letter_date;
  std::string context_json;      // the data rendered from (ValueToJson of the context)
  int64_t html_document_id = 0;
  int64_t pdf_document_id = 0;
  Instant created_at;
};

struct NewLetter {
  std::string case_id;
  int64_t seq = 0;
  std::optional<int64_t> outbox_id;
  std::string template_name;
  std::string template_version;
  Date letter_date;
  std::string context_json;
  std::string document_name;  // without extension: "2026-000001-01-ontvangstbevestiging"
  std::string html;
  std::string pdf;
  Instant now;
};

struct DeadlineRow {
  std::string case_id;
  DeadlineRecord record;
};

// What the service's metrics read on every scrape (CaseStore::Gauges): cases per workflow and
// state, the outbox items pending and failed for good, and the letters among the pending ones.
struct CaseStateCount {
  std::string workflow_id;
  std::string state;
  int64_t cases = 0;
};
struct StoreGauges {
  std::vector<CaseStateCount> cases;  // sorted by workflow, then state; only non-zero counts
  int64_t outbox_pending = 0;
  int64_t outbox_failed = 0;
  int64_t letters_pending = 0;  // as PendingLetters()
};

// Counts for `uitdaag status` and tests.
struct StoreCounts {
  int64_t cases = 0;
  int64_t events = 0;
  int64_t timers = 0;
  int64_t outbox_pending = 0;
  int64_t outbox_failed = 0;
  int64_t documents = 0;
};

class CaseStore {
 public:
  // Opens (and creates or migrates) the database.
  static StatusOr<std::unique_ptr<CaseStore>> Open(const StoreOptions& options);
  ~CaseStore();
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;

  // The schema version this build writes, and the one the open database has.
  static int LatestSchemaVersion();
  int schema_version() const;
  const std::string& path() const;

  StatusOr<StoredCase> Load(std::string_view case_id);
  StatusOr<CommitResult> Commit(CommitRequest request);

  // The case created under an idempotency key, or nullopt. kInvalidArgument when the key was
  // used for a different request (another request_hash).
  StatusOr<std::optional<std::string>> FindIdempotencyKey(const IdempotencyClaim& claim);

  // The log of one case in seq order (kNotFound for an unknown case).
  StatusOr<std::vector<LogEntry>> Entries(std::string_view case_id);
  StatusOr<std::vector<DeadlineRow>> Deadlines(std::string_view case_id);
  // Every case id, sorted.
  StatusOr<std::vector<std::string>> CaseIds();

  // Checks every case: its chain (VerifyChain), and that the case row's version and head hash
  // match the last entry (so a removed tail is found). `progress` is called per case.
  // Returns the first problem, or OK.
  Status VerifyAudit(const std::function<void(std::string_view case_id)>& progress = {});

  // Timers due at `now`, in due order (due time, then case, then expiry before warning).
  StatusOr<std::vector<TimerRecord>> DueTimers(Instant now, int limit);
  StatusOr<std::vector<TimerRecord>> Timers(std::string_view case_id);

  // Outbox items due for an attempt at `now`, oldest first.
  StatusOr<std::vector<OutboxItem>> PendingOutbox(Instant now, int limit);
  StatusOr<std::vector<OutboxItem>> Outbox(std::string_view case_id);
  // Records the outcome of attempts, all in one transaction: done ones are closed; failed ones
  // get attempts + 1, the error and the next attempt time, or kFailed when `give_up`.
  struct Outcome {
    int64_t id = 0;
    bool done = false;
    std::string error;
    Instant retry_at;
    bool give_up = false;
  };
  Status RecordOutbox(const std::vector<Outcome>& outcomes, Instant now);

  // Documents are immutable once stored; the content hash is computed here. With
  // max_of_kind > 0, a case that already has that many documents of document.kind gets none
  // more: kFailedPrecondition (counted in the same transaction, so concurrent adds cannot pass
  // the limit together).
  StatusOr<int64_t> AddDocument(Document document, int64_t max_of_kind = 0);
  StatusOr<Document> GetDocument(int64_t id);
  StatusOr<std::vector<Document>> Documents(std::string_view case_id);  // without content

  // Letters: the two documents and the letter row in one transaction. With an outbox id that
  // already has a letter, nothing is stored and that letter is returned (a repeated delivery of
  // the same effect). kNotFound for an unknown case.
  StatusOr<LetterRecord> AddLetter(const NewLetter& letter);
  // Several letters in one transaction, so one commit (one sync) for all of them; each stored
  // as AddLetter stores it, the results in the same order. Any failure stores none of them.
  StatusOr<std::vector<LetterRecord>> AddLetters(const std::vector<NewLetter>& letters);
  StatusOr<std::optional<LetterRecord>> LetterForOutbox(int64_t outbox_id);
  StatusOr<LetterRecord> GetLetter(int64_t id);
  StatusOr<std::vector<LetterRecord>> Letters(std::string_view case_id);  // in id order

  // The parties of a case (uitdaag/party.h). SetParty replaces the role's party (a handler
  // taking over); kNotFound for an unknown case, kInvalidArgument for an invalid party.
  Status SetParty(std::string_view case_id, PartyRole role, const Party& party, Instant now);
  StatusOr<std::optional<Party>> GetParty(std::string_view case_id, PartyRole role);

  // --- Handlers and case listings (store_case_query.cc; uitdaag/case_query.h).

  // The username handling a case; empty when nobody does. kNotFound for an unknown case.
  StatusOr<std::string> Handler(std::string_view case_id);
  // Makes `username` the case's handler and stores the handler party (uitdaag/party.h) with the
  // account's display name, in one transaction. With `only_if_none` nothing changes when the case
  // has a handler already. Returns whether it was set. kNotFound for an unknown case or account;
  // kInvalidArgument when the display name is not a valid party name. The snapshot and its
  // version do not change: the handler is not case data.
  StatusOr<bool> SetHandler(std::string_view case_id, std::string_view username, Instant now,
                            bool only_if_none = false);
  // Cases matching `filter` (every condition at once), in case id order, at most filter.limit.
  // kInvalidArgument for a limit outside 1..kMaxCaseRows.
  StatusOr<std::vector<CaseRow>> FindCases(const CaseFilter& filter);
  // A work queue's cases in queue order (uitdaag/case_query.h, QueueFilter), at most
  // filter.limit. kInvalidArgument for a limit outside 1..kMaxCaseRows.
  StatusOr<std::vector<CaseRow>> QueueCases(const QueueFilter& filter);
  // How many cases were created in each Dutch calendar year that has any, oldest year first; of
  // one workflow when `workflow_id` is not empty.
  StatusOr<std::vector<YearCount>> CasesPerYear(std::string_view workflow_id);

  StatusOr<StoreCounts> Counts();
  // Cheap enough for every metrics scrape: the case counts come from the cases_by_state index
  // and the pending count from the outbox_due index; only the failed count reads the outbox.
  StatusOr<StoreGauges> Gauges();
  // Letters not stored yet: the pending render_letter items of the outbox, due now or waiting
  // for a retry. Reads only the pending items (the outbox_due index), so /health can ask.
  StatusOr<int64_t> PendingLetters();

  // --- Accounts and sessions (store_accounts.cc; engine/DESIGN.md, "Accounts and sessions").
  // Passwords are hashed with `policy` (uitdaag/password.h) before the write transaction, so a
  // hash never holds the database lock. Tokens are RandomToken(32); only their SHA-256 (hex) is
  // stored, so the raw token is returned once and cannot be read back.

  // kInvalidArgument for a field that fails ValidateAccountFields or a password that fails the
  // policy; kAlreadyExists (subject: the username) for a taken username.
  Status CreateAccount(const NewAccount& account, const PasswordPolicy& policy, Instant now);
  StatusOr<Account> GetAccount(std::string_view username);  // kNotFound
  StatusOr<std::vector<Account>> Accounts();                // sorted by username
  StatusOr<int64_t> CountAccounts();
  // The account when the password matches and the account is enabled. kPermissionDenied with
  // the one message "unknown user or wrong password" for an unknown user, a wrong password and
  // a disabled account alike; an unknown user costs one Argon2id verification too (against a
  // fixed hash with the default policy), so the answer time does not tell whether a name exists.
  StatusOr<Account> CheckLogin(std::string_view username, std::string_view password);
  // Disables (or enables again) an account; disabling also deletes its sessions. kNotFound.
  Status SetAccountDisabled(std::string_view username, bool disabled, Instant now);
  // Replaces the password and deletes every session of the account (a changed password logs
  // out everywhere). kInvalidArgument for the policy, kNotFound for an unknown user.
  Status SetPassword(std::string_view username, std::string_view new_password,
                     const PasswordPolicy& policy, Instant now);
  // Applies the set fields of `update` in one transaction (a new password is hashed first).
  // kInvalidArgument for a field ValidateAccountFields refuses or a password the policy refuses;
  // kNotFound for an unknown user; kFailedPrecondition when the change would leave no enabled
  // administrator (nothing is changed then). Disabling or a new password ends every session
  // and API token of the account.
  Status UpdateAccount(std::string_view username, const AccountUpdate& update,
                       const PasswordPolicy& policy, Instant now);

  // A new session of `kind` (kSessionKind or kApiSessionKind) valid from `now` until
  // now + ttl_seconds (exclusive: at that instant it has expired). Returns the raw token.
  // kInvalidArgument for another kind or ttl_seconds <= 0; kNotFound for an unknown user;
  // kFailedPrecondition for a disabled account.
  // `label` says what an API token is for (at most kMaxTokenLabel code points, one line).
  StatusOr<std::string> CreateSession(std::string_view username, std::string_view kind,
                                      Instant now, int64_t ttl_seconds,
                                      std::string_view label = {});
  // The sessions of `kind` that have not expired at `now`, of one user (or of every user when
  // `username` is empty), newest first.
  StatusOr<std::vector<SessionInfo>> Sessions(std::string_view username, std::string_view kind,
                                              Instant now);
  // Ends the session of `kind` whose SessionInfo::id is `id`; with a non-empty `username` only
  // when it is that user's. kNotFound otherwise (the same answer whether it exists for someone
  // else or not at all).
  Status DeleteSessionById(std::string_view username, std::string_view kind, std::string_view id);
  // The account of a session token that has not expired at `now`. kPermissionDenied "unknown or
  // expired session" for an unknown, deleted or expired token and for a disabled account.
  StatusOr<Account> Authenticate(std::string_view token, Instant now);
  // Ends a session (logout). OK also when the token is unknown.
  Status DeleteSession(std::string_view token);
  // Deletes every session expired at `now`; returns how many.
  StatusOr<int64_t> DeleteExpiredSessions(Instant now);

  // A challenger's unguessable link to their own case: a new token for `case_id` (a case may
  // have several). kNotFound for an unknown case.
  StatusOr<std::string> CreateCaseToken(std::string_view case_id, Instant now);
  // The case a token belongs to. kPermissionDenied "unknown case token" otherwise.
  StatusOr<std::string> CaseForToken(std::string_view token);

  // --- Drafts of a submission (store_drafts.cc; uitdaag/draft.h; engine/DESIGN.md, "Drafts").
  // A draft token is RandomToken(32); only its SHA-256 (hex) is stored. Every refusal of a
  // token is the one kNotFound "unknown or expired draft", whether the token is malformed (not
  // kDraftTokenLength characters of [A-Za-z0-9_-]), unknown, or its draft has expired at `now`
  // (expires_at exclusive; also before DeleteExpiredDrafts has removed it). No message carries
  // the token. Values are checked before any write, kInvalidArgument naming the subject: a
  // value that is not valid UTF-8 (the field name, or "applicant.<name>"), an empty or non-UTF-8
  // field name, form data over kMaxDraftDataBytes or an applicant over kMaxDraftApplicantBytes
  // as JSON ("data", "applicant"), a negative page ("page").

  // A new open draft, expiring at now + ttl_seconds. Returns the token (its only copy).
  // kInvalidArgument also for an empty workflow id, a workflow version below 1, or ttl_seconds
  // outside 1..kMaxDraftTtlSeconds.
  StatusOr<std::string> CreateDraft(const NewDraft& draft, Instant now, int64_t ttl_seconds);
  // The draft of `token` at `now`, open or submitted (then with submitted_case set and no
  // values). A read: it renews nothing. kNotFound as above.
  StatusOr<Draft> LoadDraft(std::string_view token, Instant now);
  // Replaces the values (data, applicant and page) of an open draft, sets updated_at to `now`
  // and renews its lifetime: expires_at = now + the draft's ttl_seconds. kNotFound as above;
  // kFailedPrecondition (subject: the case id) when the draft was submitted.
  Status SaveDraft(std::string_view token, const DraftValues& values, Instant now);
  // Records that the draft became case `case_id`, and deletes its values in the same
  // transaction (the freed space is overwritten: SQLite secure_delete). expires_at stays: the
  // row only says "already sent" until then. Again with the same case id: OK, nothing changes
  // (a retried submission). kNotFound as above, or (subject: the case id) for an unknown case;
  // kFailedPrecondition (subject: the first case id) when it was submitted as another case.
  Status MarkDraftSubmitted(std::string_view token, std::string_view case_id, Instant now);
  // Deletes every draft, open or submitted, that has expired at `now` (expires_at <= now), with
  // its freed space overwritten; returns how many. Reads the drafts_by_expiry index only.
  StatusOr<int64_t> DeleteExpiredDrafts(Instant now);
  // Every stored draft row, expired ones not yet deleted included.
  StatusOr<int64_t> CountDrafts();

  // An online copy of the live database (SQLite backup API) to `dest`, written to a temporary
  // file beside it and renamed into place. kAlreadyExists when `dest` exists.
  Status Backup(const std::string& dest);

  // Fault injection for tests: called at named points inside Commit() and RecordOutbox(); an
  // error status aborts the transaction there as if SQLite had failed. Empty: no hook.
  using FaultHook = std::function<Status(std::string_view point)>;
  void SetFaultHookForTesting(FaultHook hook);

 private:
  struct Impl;
  explicit CaseStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Replaces the database at `dest` with the backup at `source`, after checking that the source
// is an uitdaag database whose audit chains verify. The service must be stopped. The old file is
// kept as `<dest>.before-restore` (replacing an earlier one).
Status RestoreDatabase(const std::string& source, const std::string& dest);

const char* OutboxStatusName(OutboxItem::Status status);  // "pending", "done", "failed"

}  // namespace uitdaag
