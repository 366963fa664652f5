// Argon2id password hashing through libargon2, and random tokens (uitdaag/password.h).
#include "uitdaag/password.h"

#include <argon2.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "uitdaag/utf8.h"

namespace uitdaag {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr uint32_t kHashBytes = 32;

// Calls `read_some(buffer, wanted)` (a read(2)-like call) until `out` holds `size` bytes, from
// `done` on, retrying after EINTR; stops at an error or end of input. Returns the bytes held.
template <typename ReadSome>
size_t ReadFully(unsigned char* out, size_t size, size_t done, ReadSome read_some) {
  while (done < size) {
    const ssize_t n = read_some(out + done, size - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (!(n < 0 && errno == EINTR)) {
      break;
    }
  }
  return done;
}

// Fills `out` from getrandom(2), or /dev/urandom where the system call is missing. False when
// neither works.
bool FillRandom(unsigned char* out, size_t size) {
  size_t done = ReadFully(out, size, 0, [](unsigned char* buffer, size_t wanted) {
    return ::getrandom(buffer, wanted, 0);
  });
  if (done == size) return true;
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  done = ReadFully(out, size, done, [fd](unsigned char* buffer, size_t wanted) {
    return ::read(fd, buffer, wanted);
  });
  ::close(fd);
  return done == size;
}

std::string Base64Url(const unsigned char* data, size_t size) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((size * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8) | data[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (size - i == 1) {
    const uint32_t v = uint32_t{data[i]} << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (size - i == 2) {
    const uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password, const PasswordPolicy& policy) {
  const std::optional<size_t> length = Utf8Length(password);
  if (!length) return Status::InvalidArgument("password: not valid UTF-8 text", "password");
  if (*length < policy.min_length) {
    return Status::InvalidArgument("password: at least " + std::to_string(policy.min_length) +
                                       " characters (this one has " + std::to_string(*length) + ")",
                                   "password");
  }
  if (*length > policy.max_length) {
    return Status::InvalidArgument("password: at most " + std::to_string(policy.max_length) +
                                       " characters (this one has " + std::to_string(*length) + ")",
                                   "password");
  }
  return Status::Ok();
}

StatusOr<std::string> HashPassword(std::string_view password, const PasswordPolicy& policy) {
  UITDAAG_RETURN_IF_ERROR(CheckPasswordPolicy(password, policy));
  unsigned char salt[kSaltBytes];
  if (!FillRandom(salt, sizeof salt)) {
    return Status::Internal("the operating system's random source failed");
  }
  std::vector<char> encoded(argon2_encodedlen(policy.iterations, policy.memory_kib, policy.lanes,
                                              kSaltBytes, kHashBytes, Argon2_id));
  const int rc = argon2id_hash_encoded(policy.iterations, policy.memory_kib, policy.lanes,
                                       password.data(), password.size(), salt, sizeof salt,
                                       kHashBytes, encoded.data(), encoded.size());
  if (rc == ARGON2_MEMORY_ALLOCATION_ERROR) {
    return Status::ResourceExhausted("password hashing: cannot allocate " +
                                     std::to_string(policy.memory_kib) + " KiB");
  }
  if (rc != ARGON2_OK) {
    return Status::InvalidArgument(
        std::string("password hashing parameters (m=") + std::to_string(policy.memory_kib) +
        ", t=" + std::to_string(policy.iterations) + ", p=" + std::to_string(policy.lanes) +
        "): " + argon2_error_message(rc));
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string RandomToken(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (!FillRandom(raw.data(), raw.size())) {
    std::fputs("uitdaag: the operating system's random source failed; stopping\n", stderr);
    std::abort();
  }
  return Base64Url(raw.data(), raw.size());
}

}  // namespace uitdaag
