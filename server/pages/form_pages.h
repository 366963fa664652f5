// The submission form as the resident fills it in: a multi-step form generated from the
// workflow's submission form, kept in a draft (uitdaag/draft.h) from the first step on.
//
//   step 1..p   the workflow's form pages (FormDef::pages; one page with every field when the
//               workflow declares none)
//   step p+1    the applicant's contact details
//   step p+2    the review: every answer, with a link back to its step, and the send button
//
//   GET  /uitdagen/{workflow}/formulier[?stap=N]   a step ("Stap N van M" in title and heading)
//   POST /uitdagen/{workflow}/formulier            fields of step `stap` and a button `actie`:
//        volgende   checks the step's fields (422 with the error summary) and goes on
//        vorige     keeps what was typed without checking and goes back
//        opslaan    keeps what was typed and shows the private link to resume
//        versturen  (the review) checks every step again and submits (SubmitChallenge)
//   GET  /uitdagen/{workflow}/opgeslagen           the private link to resume and its expiry date
//   GET  /verder?code=TOKEN                        the private link: the draft becomes the
//                                                  browser's draft again (cookie), 303 to its step
//
// The draft's token lives in the cookie `uitdaag_concept` (HttpOnly, SameSite=Lax), never in a
// page address. Drafts expire `draft_ttl_days` after their last save and are then deleted by the
// worker; a sent draft keeps no values and its link says so (410). The submission's
// Idempotency-Key is derived from the draft, and `versturen` on a draft that was sent already
// answers with the confirmation of its case, so a double click or a resend after a lost answer
// gives the one case.
//
// Thread safety: handlers share only the immutable Site and the service state.
#pragma once

#include <memory>

#include "http/router.h"
#include "pages/site.h"

namespace uitdaag::pages {

inline constexpr const char* kDraftCookie = "uitdaag_concept";

void AddFormPages(http::Router& router, std::shared_ptr<const Site> site);

}  // namespace uitdaag::pages
