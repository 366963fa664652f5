// Test support for the pages: a browser-like client over real sockets that keeps cookies, sends
// forms and finds the values a page gives (the CSRF token, the attempt key).
#pragma once

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "http/http_client.h"

namespace uitdaag::testing {

struct Page {
  int status = 0;
  std::string body;
  std::string location;
  std::string content_type;
  std::string csp;
  std::string cache_control;
  std::string referrer_policy;
  std::vector<Poco::Net::HTTPCookie> cookies;  // set by this answer
};

class PageClient {
 public:
  explicit PageClient(TestService& s) : s_(s) {}

  Page Get(const std::string& target) { return Send("GET", target, ""); }

  // Posts `fields` as application/x-www-form-urlencoded (in this order).
  Page Post(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields) {
    Poco::Net::HTMLForm form;
    for (const auto& [name, value] : fields) form.add(name, value);
    std::ostringstream body;
    form.write(body);
    return Send("POST", target, body.str());
  }
  Page PostRaw(const std::string& target, const std::string& body) {
    return Send("POST", target, body);
  }
  // Posts `fields` and one file part "bestand" as multipart/form-data.
  Page PostFile(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                const std::string& file_name, const std::string& media_type, const std::string& content) {
    Poco::Net::HTMLForm form;
    form.setEncoding(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    for (const auto& [name, value] : fields) form.add(name, value);
    form.addPart("bestand", new Poco::Net::StringPartSource(content, media_type, file_name));
    std::ostringstream body;
    form.write(body);
    return Send("POST", target, body.str(), "multipart/form-data; boundary=" + form.boundary());
  }

  std::map<std::string, std::string>& cookies() { return jar_; }

 private:
  Page Send(const std::string& method, const std::string& target, const std::string& body,
           const std::string& content_type = "application/x-www-form-urlencoded") {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(s_.service->port()));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost("127.0.0.1");
    if (!jar_.empty()) {
      Poco::Net::NameValueCollection cookies;
      for (const auto& [name, value] : jar_) cookies.add(name, value);
      request.setCookies(cookies);
    }
    if (method == "POST") {
      request.setContentType(content_type);
      request.setContentLength(static_cast<std::streamsize>(body.size()));
      session.sendRequest(request) << body;
    } else {
      session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Page page;
    page.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, page.body);
    page.location = response.get("Location", "");
    page.content_type = response.getContentType();
    page.csp = response.get("Content-Security-Policy", "");
    page.cache_control = response.get("Cache-Control", "");
    page.referrer_policy = response.get("Referrer-Policy", "");
    response.getCookies(page.cookies);
    for (const auto& c : page.cookies) jar_[c.getName()] = c.getValue();
    return page;
  }

  TestService& s_;
  std::map<std::string, std::string> jar_;
};

// The value of the hidden input `name` in a page; empty when there is none.
inline std::string HiddenValue(const std::string& html, const std::string& name) {
  const std::regex pattern("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, pattern) ? m[1].str() : std::string();
}

}  // namespace uitdaag::testing
