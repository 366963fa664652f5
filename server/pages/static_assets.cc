#include "pages/static_assets.h"

#include <fstream>
#include <sstream>

#include "uitdaag/audit.h"

namespace uitdaag::pages {

std::vector<Diagnostic> StaticAssets::Load(const std::vector<Source>& sources, StaticAssets* out) {
  std::vector<Diagnostic> problems;
  for (const Source& source : sources) {
    std::ifstream in(source.path, std::ios::binary);
    if (!in) {
      Diagnostic d;
      d.where.file = source.path;
      d.message = "cannot read this file for the pages (" + source.name +
                  "); npm packages are installed by `bash scripts/setup.sh` (npm ci)";
      problems.push_back(std::move(d));
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Asset asset;
    asset.bytes = bytes.str();
    asset.media_type = source.media_type;
    asset.hash = Sha256Hex(asset.bytes).substr(0, 16);
    out->assets_[source.name] = std::move(asset);
  }
  return problems;
}

std::string StaticAssets::Url(const std::string& name) const {
  auto it = assets_.find(name);
  return it == assets_.end() ? std::string() : "/static/" + it->second.hash + "/" + name;
}

void StaticAssets::Serve(http::Exchange& ex) const {
  auto it = assets_.find(ex.Param("name"));
  if (it == assets_.end() || it->second.hash != ex.Param("version")) {
    ex.Problem(404, "no such file");
    return;
  }
  ex.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  ex.Bytes(200, it->second.media_type, it->second.bytes);
}

}  // namespace uitdaag::pages
