// Passwords and random tokens: Argon2id password hashing (libargon2) and unguessable tokens for
// sessions and links, both from the operating system's CSPRNG (getrandom(2)).
//
// A stored password is the standard Argon2 encoded string
//
//   $argon2id$v=19$m=19456,t=2,p=1$<salt, base64>$<hash, base64>
//
// which carries its own parameters and a random 16-byte salt, so hashes made under an older
// policy still verify after the policy changes. The default policy is OWASP's minimum for
// Argon2id (19 MiB, 2 passes, 1 lane); engine/DESIGN.md, "Accounts and sessions", says why.
//
// Thread safety: reentrant. Each call of HashPassword or VerifyPassword allocates
// `memory_kib` KiB for its duration.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "uitdaag/status.h"

namespace uitdaag {

struct PasswordPolicy {
  uint32_t memory_kib = 19456;  // Argon2 m: memory per hash in KiB
  uint32_t iterations = 2;      // Argon2 t: passes over that memory
  uint32_t lanes = 1;           // Argon2 p: parallelism
  size_t min_length = 12;       // in UTF-8 code points
  size_t max_length = 1024;     // in UTF-8 code points
};

// OK when `password` is valid UTF-8 of min_length..max_length code points; else
// kInvalidArgument with subject "password" and a message that says the limit
// ("password: at least 12 characters (this one has 5)"). Never echoes the password.
Status CheckPasswordPolicy(std::string_view password, const PasswordPolicy& policy);

// The Argon2id encoded hash of `password` with a fresh random salt: two calls give two
// different strings that both verify.
// Errors: kInvalidArgument when the password fails CheckPasswordPolicy or the policy's Argon2
//         parameters are out of range (memory below 8 KiB per lane, no pass, no lane);
//         kResourceExhausted when the memory cannot be allocated;
//         kInternal when the OS random source fails.
StatusOr<std::string> HashPassword(std::string_view password, const PasswordPolicy& policy = {});

// True when `password` matches `encoded` (as made by HashPassword, any parameters). The
// comparison is constant-time (argon2id_verify); a malformed or non-Argon2id `encoded` is false.
bool VerifyPassword(std::string_view password, const std::string& encoded);

// `bytes` random bytes from the OS CSPRNG as URL-safe base64 without padding ([A-Za-z0-9_-];
// 32 bytes give 43 characters, 256 bits). The process aborts if the OS has no working random
// source: a token must never be guessable, and there is no weaker fallback.
std::string RandomToken(size_t bytes = 32);

}  // namespace uitdaag
