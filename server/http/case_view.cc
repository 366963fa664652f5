#include "http/case_view.h"

namespace uitdaag::http {

std::optional<CaseView> OpenCase(Exchange& ex) {
  StatusOr<StorePool::Lease> store = ex.state().stores->Take();
  if (!store.ok()) {
    ex.Fail(store.status());
    return std::nullopt;
  }
  Caller caller;
  if (!MaySeeCase(ex, **store, ex.Param("id"), &caller)) return std::nullopt;
  StatusOr<StoredCase> stored = (*store)->Load(ex.Param("id"));
  if (!stored.ok()) {
    if (stored.status().code() == StatusCode::kNotFound) {
      ex.Problem(404, "no case '" + ex.Param("id") + "'");
    } else {
      ex.Fail(stored.status());
    }
    return std::nullopt;
  }
  const WorkflowDefinition* def =
      ex.state().workflows->Find(stored->snapshot.workflow_id, stored->snapshot.workflow_version);
  if (def == nullptr) {
    ex.Fail(Status::Internal("workflow " + stored->snapshot.workflow_id + " version " +
                             std::to_string(stored->snapshot.workflow_version) + " not loaded"));
    return std::nullopt;
  }
  return CaseView{std::move(*store), std::move(caller), std::move(*stored), def};
}

}  // namespace uitdaag::http
