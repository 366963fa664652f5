// Drafts of a submission: what a resident has filled in on the online challenge form so far,
// kept server-side under an unguessable token so that they can resume later ("Opslaan en later
// verder"). Stored by CaseStore (uitdaag/store.h: CreateDraft, LoadDraft, SaveDraft,
// MarkDraftSubmitted, DeleteExpiredDrafts; engine/DESIGN.md, "Drafts").
//
// The token is the draft's only key and the resident's private link: RandomToken(32), 43
// characters of base64url, returned once by CreateDraft. Only its SHA-256 is stored, so a copy
// of the database or a backup opens no draft.
//
// Life of a draft (expires_at is exclusive: at that instant the draft has expired):
//
//   CreateDraft ──> open ──SaveDraft──> open ──MarkDraftSubmitted──> submitted
//                    │                                                   │
//                    └──── now >= expires_at ────> expired <──────────────┘
//                                                     │ DeleteExpiredDrafts
//                                                     v
//                                                  deleted
//
//   open       LoadDraft returns the values; SaveDraft replaces them and renews the lifetime:
//              expires_at = now + ttl_seconds (the ttl given at creation), so a draft expires
//              ttl_seconds after its last save, not after its creation.
//   submitted  the values are deleted (the row keeps only the workflow, the times and the case
//              id); LoadDraft returns the draft with submitted_case set and no values, so the
//              page can say "already sent"; SaveDraft is refused. expires_at is not renewed.
//   expired    as unknown (kNotFound), also before DeleteExpiredDrafts has removed the row.
//
// The values are the raw strings the resident typed, not validated against the workflow's form
// (that happens when the draft is submitted): the store only requires valid UTF-8 and bounds
// the size. Two saves of one draft (two browser tabs) do not conflict: the last one wins.
//
// Thread safety: value types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "uitdaag/instant.h"

namespace uitdaag {

// The raw value of one form field: one string (a text input, a radio group, a select) or a list
// of strings (check boxes, a repeated field). Stored as a JSON string or array of strings.
using DraftField = std::variant<std::string, std::vector<std::string>>;

// What the resident filled in so far.
struct DraftValues {
  std::map<std::string, DraftField> data;        // form field name -> raw value
  std::map<std::string, std::string> applicant;  // applicant field -> raw value
  int page = 0;                                  // the form page to resume on, 0-based

  bool operator==(const DraftValues&) const = default;
};

struct NewDraft {
  std::string workflow_id;   // the workflow whose form is being filled in
  int workflow_version = 0;  // its version when the draft was started
  DraftValues values;
};

// A stored draft as LoadDraft returns it. Never the token.
struct Draft {
  std::string workflow_id;
  int workflow_version = 0;
  DraftValues values;  // empty (no fields, page 0) once submitted
  Instant created_at;
  Instant updated_at;       // the last save (or the creation, or the submission)
  Instant expires_at;       // exclusive
  int64_t ttl_seconds = 0;  // the lifetime given at creation, renewed by each save
  std::optional<std::string> submitted_case;  // the case the draft became
  std::optional<Instant> submitted_at;

  bool submitted() const { return submitted_case.has_value(); }
  bool operator==(const Draft&) const = default;
};

// A draft token's length: RandomToken(32) is 43 characters of [A-Za-z0-9_-]. Any other text is
// no draft token (kNotFound without a database read).
inline constexpr size_t kDraftTokenLength = 43;

// Limits on what one draft stores, as encoded JSON (kInvalidArgument beyond them):
// the form data `{"field":"value","list":["a","b"]}` and the applicant `{"naam":"..."}`.
inline constexpr size_t kMaxDraftDataBytes = size_t{1} << 20;        // 1 MiB
inline constexpr size_t kMaxDraftApplicantBytes = size_t{64} << 10;  // 64 KiB

// The longest lifetime a draft may be given (a year, leap years included). Data minimisation:
// a draft is no place to keep personal data for longer.
inline constexpr int64_t kMaxDraftTtlSeconds = int64_t{366} * 24 * 60 * 60;

}  // namespace uitdaag
