// CaseStore::Gauges: the counts the service's metrics report on every scrape (uitdaag/store.h).
#include "store_impl.h"

namespace uitdaag {

using namespace Poco::Data::Keywords;  // NOLINT: into(), now

StatusOr<StoreGauges> CaseStore::Gauges() {
  try {
    StoreGauges g;
    std::vector<std::string> workflow, state;
    std::vector<int64_t> count;
    // Both GROUP BY columns are the cases_by_state index: SQLite counts from the index alone.
    impl_->session << "SELECT workflow_id, state, count(*) FROM cases "
                      "GROUP BY workflow_id, state ORDER BY workflow_id, state",
        into(workflow), into(state), into(count), now;
    for (size_t i = 0; i < workflow.size(); ++i) {
      g.cases.push_back({workflow[i], state[i], count[i]});
    }
    // The partial index outbox_due holds exactly the pending items.
    impl_->session << "SELECT count(*) FROM outbox WHERE status = 'pending'",
        into(g.outbox_pending), now;
    impl_->session << "SELECT count(*) FROM outbox WHERE status = 'failed'", into(g.outbox_failed),
        now;
    UITDAAG_ASSIGN_OR_RETURN(g.letters_pending, PendingLetters());
    return g;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting cases by state");
  }
}

StatusOr<int64_t> CaseStore::PendingLetters() {
  try {
    int64_t pending = 0;
    // status = 'pending' lets SQLite walk the partial index outbox_due.
    impl_->session << "SELECT count(*) FROM outbox WHERE status = 'pending' "
                      "AND kind = 'render_letter'",
        into(pending), now;
    return pending;
  } catch (const std::exception& e) {
    return impl_->Error(e, "counting the pending letters");
  }
}

}  // namespace uitdaag
