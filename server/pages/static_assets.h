// The static files of the pages: the NL Design System component styles and theme (installed from
// npm into node_modules/ by scripts/setup.sh, pinned in package-lock.json), the pages' own style
// sheet and the municipality's theme (templates/pages/), and the logo of the profile.
//
// Each file is read once at start and served from memory under a URL that carries a hash of its
// content, /static/<hash>/<name>, with `Cache-Control: public, max-age=31536000, immutable`: a
// browser asks again only when the file changed, because its URL changed with it. A URL with an
// old hash or an unknown name is 404.
//
// Thread safety: immutable after Load().
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/exchange.h"
#include "uitdaag/loader.h"

namespace uitdaag::pages {

class StaticAssets {
 public:
  struct Source {
    std::string name;        // as served: "componenten.css"
    std::string path;        // the file
    std::string media_type;  // "text/css; charset=utf-8"
  };
  // Reads every source; a missing or unreadable file is an error diagnostic naming it (and how
  // to install it, for the npm files).
  static std::vector<Diagnostic> Load(const std::vector<Source>& sources, StaticAssets* out);

  // The URL of a loaded file ("/static/3fa2…/componenten.css"); empty for an unknown name.
  std::string Url(const std::string& name) const;
  // GET /static/{hash}/{name}.
  void Serve(http::Exchange& ex) const;

 private:
  struct Asset {
    std::string bytes;
    std::string media_type;
    std::string hash;  // the first 16 hex digits of the content's SHA-256
  };
  std::map<std::string, Asset> assets_;
};

}  // namespace uitdaag::pages
