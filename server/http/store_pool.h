// StorePool: CaseStore connections for request threads. A CaseStore is one SQLite connection
// for one thread at a time (uitdaag/store.h); the pool lends an idle one (opening a new one when
// none is idle) and takes it back when the lease ends, so a connection and its prepared
// statements are reused across requests without being shared.
//
// Thread safety: Lease() may be called from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "uitdaag/store.h"

namespace uitdaag::http {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<CaseStore> store)
        : pool_(pool), store_(std::move(store)) {}
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    CaseStore& operator*() { return *store_; }
    CaseStore* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<CaseStore> store_;
  };

  StatusOr<Lease> Take() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        std::unique_ptr<CaseStore> store = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(store));
      }
    }
    StoreOptions options;
    options.path = path_;
    UITDAAG_ASSIGN_OR_RETURN(std::unique_ptr<CaseStore> store, CaseStore::Open(options));
    return Lease(this, std::move(store));
  }

 private:
  void Return(std::unique_ptr<CaseStore> store) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(store));
  }

  const std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<CaseStore>> idle_;  // guarded by mu_
};

}  // namespace uitdaag::http
