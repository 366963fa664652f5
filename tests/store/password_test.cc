// Argon2id password hashing and random tokens (uitdaag/password.h).
#include "uitdaag/password.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "support/fast_password.h"

namespace uitdaag::testing {
namespace {

const std::string kPassword = "correct horse battery staple";

std::string HashOrFail(std::string_view password, const PasswordPolicy& policy = FastPolicy()) {
  StatusOr<std::string> hash = HashPassword(password, policy);
  INFO(hash.status().ToString());
  REQUIRE(hash.ok());
  return *hash;
}

TEST_CASE("password: a hash verifies its own password and no other", "[password]") {
  const std::string hash = HashOrFail(kPassword);
  CHECK(VerifyPassword(kPassword, hash));
  CHECK_FALSE(VerifyPassword("correct horse battery stapler", hash));
  CHECK_FALSE(VerifyPassword("Correct horse battery staple", hash));
  CHECK_FALSE(VerifyPassword("correct horse battery stapl", hash));  // a prefix
  CHECK_FALSE(VerifyPassword("", hash));
}

TEST_CASE("password: the encoded form is standard Argon2id with the policy's parameters",
          "[password]") {
  const std::string hash = HashOrFail(kPassword);
  CHECK_THAT(hash, Catch::StartsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
  CHECK(hash.find(kPassword) == std::string::npos);
  // $argon2id$v=19$<params>$<salt>$<hash>: a 16-byte salt and a 32-byte hash, base64 unpadded.
  const size_t salt_at = hash.find('$', std::string("$argon2id$v=19$").size()) + 1;
  const size_t hash_at = hash.find('$', salt_at) + 1;
  CHECK(hash_at - salt_at - 1 == 22);
  CHECK(hash.size() - hash_at == 43);
}

TEST_CASE("password: the default policy is OWASP's Argon2id minimum", "[password]") {
  const PasswordPolicy policy;
  CHECK(policy.memory_kib == 19456);
  CHECK(policy.iterations == 2);
  CHECK(policy.lanes == 1);
  const std::string hash = HashOrFail(kPassword, policy);
  CHECK_THAT(hash, Catch::StartsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
  CHECK(VerifyPassword(kPassword, hash));
}

TEST_CASE("password: two hashes of one password differ (random salt) and both verify",
          "[password]") {
  const std::string first = HashOrFail(kPassword);
  const std::string second = HashOrFail(kPassword);
  CHECK(first != second);
  CHECK(VerifyPassword(kPassword, first));
  CHECK(VerifyPassword(kPassword, second));
}

TEST_CASE("password: malformed or other-variant encodings never verify", "[password]") {
  const std::string hash = HashOrFail(kPassword);
  CHECK_FALSE(VerifyPassword(kPassword, ""));
  CHECK_FALSE(VerifyPassword(kPassword, "not a hash"));
  CHECK_FALSE(VerifyPassword(kPassword, hash.substr(0, hash.size() - 5)));
  // The same bytes claimed as Argon2i (the weaker, data-independent variant) are refused.
  std::string argon2i = hash;
  argon2i.replace(0, std::string("$argon2id$").size(), "$argon2i$");
  CHECK_FALSE(VerifyPassword(kPassword, argon2i));
  // One changed character of the stored hash.
  std::string altered = hash;
  altered[altered.size() - 2] = altered[altered.size() - 2] == 'A' ? 'B' : 'A';
  CHECK_FALSE(VerifyPassword(kPassword, altered));
}

TEST_CASE("password: the policy counts code points and says what is wrong", "[password]") {
  const PasswordPolicy policy;
  Status short_one = CheckPasswordPolicy("elf tekens!", policy);  // 11 characters
  CHECK(short_one.code() == StatusCode::kInvalidArgument);
  CHECK(short_one.subject() == "password");
  CHECK(short_one.message() == "password: at least 12 characters (this one has 11)");

  std::string twelve = "twaalf tekns";
  REQUIRE(twelve.size() == 12);
  CHECK(CheckPasswordPolicy(twelve, policy).ok());

  // 11 two-byte characters are 22 bytes but still too short; 12 are enough.
  std::string accents;
  for (int i = 0; i < 11; ++i) accents += "\xc3\xa9";  // é
  CHECK(CheckPasswordPolicy(accents, policy).code() == StatusCode::kInvalidArgument);
  CHECK(CheckPasswordPolicy(accents + "\xc3\xa9", policy).ok());

  Status long_one = CheckPasswordPolicy(std::string(1025, 'a'), policy);
  CHECK(long_one.code() == StatusCode::kInvalidArgument);
  CHECK(long_one.message() == "password: at most 1024 characters (this one has 1025)");
  CHECK(CheckPasswordPolicy(std::string(1024, 'a'), policy).ok());

  Status broken = CheckPasswordPolicy("twelve bytes\xff", policy);
  CHECK(broken.code() == StatusCode::kInvalidArgument);
  CHECK(broken.message() == "password: not valid UTF-8 text");
}

TEST_CASE("password: HashPassword enforces the policy and refuses bad parameters", "[password]") {
  StatusOr<std::string> too_short = HashPassword("short", FastPolicy());
  REQUIRE_FALSE(too_short.ok());
  CHECK(too_short.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(too_short.status().message(), Catch::Contains("at least 12 characters"));

  PasswordPolicy tiny = FastPolicy();
  tiny.memory_kib = 1;  // Argon2 needs at least 8 KiB per lane
  StatusOr<std::string> bad = HashPassword(kPassword, tiny);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(bad.status().message(), Catch::Contains("m=1"));
}

bool IsUrlSafe(const std::string& token) {
  for (const char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

TEST_CASE("tokens: 43 URL-safe characters, unique over 1000 draws, whole alphabet used",
          "[password][token]") {
  std::set<std::string> seen;
  std::set<char> alphabet;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = RandomToken();
    REQUIRE(token.size() == 43);
    REQUIRE(IsUrlSafe(token));
    seen.insert(token);
    alphabet.insert(token.begin(), token.end());
  }
  CHECK(seen.size() == 1000);
  // 43,000 characters: each of the 64 symbols is expected about 670 times. A missing one means
  // a broken encoder (for example '-' and '_' never produced).
  CHECK(alphabet.size() == 64);
}

TEST_CASE("tokens: base64url length without padding for any byte count", "[password][token]") {
  CHECK(RandomToken(0).empty());
  CHECK(RandomToken(1).size() == 2);
  CHECK(RandomToken(2).size() == 3);
  CHECK(RandomToken(3).size() == 4);
  CHECK(RandomToken(16).size() == 22);
  CHECK(RandomToken(64).size() == 86);
  CHECK(IsUrlSafe(RandomToken(17)));
}

}  // namespace
}  // namespace uitdaag::testing
