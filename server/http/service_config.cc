#include "http/service_config_file.h"

#include <Poco/Net/IPAddress.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace uitdaag::http {
namespace {

std::string Where(const std::string& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

template <typename T>
Status Read(const std::string& file, const YAML::Node& node, const std::string& key, T* out,
            T min, T max) {
  try {
    const T value = node.as<T>();
    if (value < min || value > max) {
      return Status::InvalidArgument(Where(file, node) + ": error: '" + key + "' must be between " +
                                         std::to_string(min) + " and " + std::to_string(max),
                                     key);
    }
    *out = value;
    return Status::Ok();
  } catch (const YAML::Exception&) {
    return Status::InvalidArgument(Where(file, node) + ": error: '" + key + "' must be a number",
                                   key);
  }
}

Status ReadText(const std::string& file, const YAML::Node& node, const std::string& key,
                std::string* out) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    return Status::InvalidArgument(Where(file, node) + ": error: '" + key + "' must be text", key);
  }
  *out = node.Scalar();
  return Status::Ok();
}

Status ReadBool(const std::string& file, const YAML::Node& node, const std::string& key,
                bool* out) {
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) {
    *out = node.Scalar() == "true";
    return Status::Ok();
  }
  return Status::InvalidArgument(
      Where(file, node) + ": error: '" + key + "' must be true or false", key);
}

// A list of IP addresses (IPv4 or IPv6, no names: a proxy is trusted by what it is, not by what
// a resolver says).
Status ReadAddresses(const std::string& file, const YAML::Node& node, const std::string& key,
                     std::vector<std::string>* out) {
  if (!node.IsSequence()) {
    return Status::InvalidArgument(
        Where(file, node) + ": error: '" + key + "' must be a list of IP addresses", key);
  }
  out->clear();
  for (const YAML::Node& item : node) {
    Poco::Net::IPAddress address;
    if (!item.IsScalar() || !Poco::Net::IPAddress::tryParse(item.Scalar(), address)) {
      return Status::InvalidArgument(
          Where(file, item) + ": error: '" + key + "': not an IP address", key);
    }
    out->push_back(address.toString());
  }
  return Status::Ok();
}

Status ReadLogLevel(const std::string& file, const YAML::Node& node, std::string* out) {
  for (const char* level : {"error", "warning", "information", "debug"}) {
    if (node.IsScalar() && node.Scalar() == level) {
      *out = level;
      return Status::Ok();
    }
  }
  return Status::InvalidArgument(
      Where(file, node) + ": error: 'log_level' must be error, warning, information or debug",
      "log_level");
}

}  // namespace

StatusOr<ServiceConfig> LoadServiceConfig(const std::string& path, ServiceConfig config) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": error: cannot read the configuration file", path);
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::ParserException& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                                   std::to_string(e.mark.column + 1) + ": error: " + e.msg);
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) return Status::InvalidArgument(path + ": error: expected a mapping of settings");
  const std::set<std::string> known = {"host",    "port",           "database",
                                       "workflows", "profile",      "threads",
                                       "queue",   "max_body_bytes", "session_ttl_seconds",
                                       "worker_interval_seconds", "max_upload_bytes",
                                       "max_attachments_per_case", "rate_limit_per_second",
                                       "rate_limit_burst", "log_level", "secure_cookie",
                                       "max_connections_per_address", "request_head_seconds",
                                       "keep_alive_seconds", "request_seconds", "trusted_proxies",
                                       "styles_dir", "draft_ttl_days"};
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>();
    const YAML::Node& value = item.second;
    Status s = Status::Ok();
    if (key == "host") {
      s = ReadText(path, value, key, &config.host);
    } else if (key == "port") {
      s = Read(path, value, key, &config.port, 0, 65535);
    } else if (key == "database") {
      s = ReadText(path, value, key, &config.database);
    } else if (key == "workflows") {
      s = ReadText(path, value, key, &config.workflows_dir);
    } else if (key == "profile") {
      s = ReadText(path, value, key, &config.profile);
    } else if (key == "draft_ttl_days") {
      s = Read(path, value, key, &config.draft_ttl_days, 1, 365);
    } else if (key == "styles_dir") {
      s = ReadText(path, value, key, &config.styles_dir);
    } else if (key == "threads") {
      s = Read(path, value, key, &config.threads, 1, 256);
    } else if (key == "queue") {
      s = Read(path, value, key, &config.queue, 1, 10000);
    } else if (key == "max_body_bytes") {
      s = Read<size_t>(path, value, key, &config.max_body_bytes, 1024, 64u << 20);
    } else if (key == "max_upload_bytes") {
      s = Read<size_t>(path, value, key, &config.max_upload_bytes, 1024, 256u << 20);
    } else if (key == "max_attachments_per_case") {
      s = Read(path, value, key, &config.max_attachments_per_case, 1, 10000);
    } else if (key == "session_ttl_seconds") {
      s = Read<int64_t>(path, value, key, &config.session_ttl_seconds, 60, 30 * 86400);
    } else if (key == "worker_interval_seconds") {
      s = Read(path, value, key, &config.worker_interval_seconds, 1, 3600);
    } else if (key == "rate_limit_per_second") {
      s = Read(path, value, key, &config.rate_limit_per_second, 0, 100000);
    } else if (key == "rate_limit_burst") {
      s = Read(path, value, key, &config.rate_limit_burst, 1, 1000000);
    } else if (key == "log_level") {
      s = ReadLogLevel(path, value, &config.log_level);
    } else if (key == "secure_cookie") {
      s = ReadBool(path, value, key, &config.secure_cookie);
    } else if (key == "max_connections_per_address") {
      s = Read(path, value, key, &config.max_connections_per_address, 0, 100000);
    } else if (key == "request_head_seconds") {
      s = Read(path, value, key, &config.request_head_seconds, 1, 600);
    } else if (key == "keep_alive_seconds") {
      s = Read(path, value, key, &config.keep_alive_seconds, 1, 600);
    } else if (key == "request_seconds") {
      s = Read(path, value, key, &config.request_seconds, 1, 3600);
    } else if (key == "trusted_proxies") {
      s = ReadAddresses(path, value, key, &config.trusted_proxies);
    } else {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      s = Status::InvalidArgument(Where(path, item.first) + ": error: unknown setting '" + key +
                                      "' (known: " + list + ")",
                                  key);
    }
    UITDAAG_RETURN_IF_ERROR(s);
  }
  return config;
}

}  // namespace uitdaag::http
