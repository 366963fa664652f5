// Test support: what is logged to "uitdaag.http" (at level information and above) while a
// LogCapture lives; the logger's channel and level are restored when it ends.
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <mutex>
#include <string>
#include <vector>

namespace uitdaag::testing {

class CapturingChannel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.push_back(message.getText());
  }
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> lines_;
};

struct LogCapture {
  Poco::Logger& logger = Poco::Logger::get("uitdaag.http");
  Poco::AutoPtr<CapturingChannel> channel{new CapturingChannel()};
  const int level = logger.getLevel();
  const Poco::Channel::Ptr previous = logger.getChannel();
  LogCapture() {
    logger.setChannel(Poco::Channel::Ptr(channel.get(), /*shared=*/true));
    logger.setLevel(Poco::Message::PRIO_INFORMATION);
  }
  ~LogCapture() {
    logger.setChannel(previous);
    logger.setLevel(level);
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  // The captured lines that start with `prefix`.
  std::vector<std::string> LinesStartingWith(const std::string& prefix) {
    std::vector<std::string> out;
    for (const std::string& line : channel->Lines()) {
      if (line.rfind(prefix, 0) == 0) out.push_back(line);
    }
    return out;
  }
};

}  // namespace uitdaag::testing
