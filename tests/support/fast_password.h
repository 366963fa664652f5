// A password policy that hashes in about a millisecond, so suites that create accounts stay
// fast; the default (OWASP) policy is tested in tests/store/password_test.cc.
#pragma once

#include "uitdaag/password.h"

namespace uitdaag::testing {

inline PasswordPolicy FastPolicy() {
  PasswordPolicy policy;
  policy.memory_kib = 1024;
  policy.iterations = 1;
  return policy;
}

}  // namespace uitdaag::testing
