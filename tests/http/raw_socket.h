// Test support for the front door: a TCP connection to 127.0.0.1 over plain POSIX sockets, from
// a chosen loopback source address, that sends exactly the bytes a test gives it (an HTTP client
// library would refuse or repair the malformed requests these tests are about), and a reader
// that splits what comes back into the HTTP answers it holds.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

namespace uitdaag::testing {

class RawConnection {
 public:
  // Connects to 127.0.0.1:`port` from `from` (any 127.x.y.z address is this machine's).
  explicit RawConnection(int port, const std::string& from = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&remote), sizeof remote) == 0;
  }
  ~RawConnection() { Close(); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  // Whether the server has closed its side (a read returned end of stream or a reset).
  bool closed_by_server() const { return closed_; }

  // False when the server no longer takes bytes (closed or reset).
  bool Send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads until the server closes, or nothing came for `quiet`, or `total` has passed.
  std::string Read(std::chrono::milliseconds quiet = std::chrono::milliseconds(1500),
                   std::chrono::milliseconds total = std::chrono::milliseconds(15000)) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + total;
    while (!closed_ && std::chrono::steady_clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(quiet.count())) <= 0) break;
      char buffer[16384];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buffer, static_cast<size_t>(n));
    }
    return out;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
};

// One HTTP answer taken from a byte stream.
struct RawAnswer {
  int status = 0;
  std::string head;  // the status line and headers
  std::string body;
  // Whether the head has this header line, compared without regard to case ("Connection:
  // close" matches Poco's "Connection: Close").
  bool Has(const std::string& header_line) const {
    std::string h = head, l = "\r\n" + header_line + "\r\n";
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return h.find(l) != std::string::npos;
  }
};

// The answers in `bytes`, in order; bodies by their Content-Length (every answer of the service
// has one). Stops at anything that is not an answer. `head_only`: answers to HEAD have none.
inline std::vector<RawAnswer> SplitAnswers(const std::string& bytes, bool head_only = false) {
  std::vector<RawAnswer> answers;
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t end = bytes.find("\r\n\r\n", at);
    if (end == std::string::npos || bytes.compare(at, 5, "HTTP/") != 0) break;
    RawAnswer a;
    a.head = bytes.substr(at, end + 2 - at);
    a.status = std::atoi(a.head.c_str() + 9);
    size_t length = 0;
    for (const char* name : {"\r\nContent-Length: ", "\r\ncontent-length: "}) {
      const size_t h = a.head.find(name);
      if (h != std::string::npos) length = std::stoul(a.head.substr(h + std::strlen(name)));
    }
    if (head_only) length = 0;
    a.body = bytes.substr(end + 4, length);
    at = end + 4 + length;
    answers.push_back(a);
  }
  return answers;
}

}  // namespace uitdaag::testing
