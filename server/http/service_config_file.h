// Reading ServiceConfig from a YAML file (see examples/uitdaag.yaml): every key is optional and
// overrides the default; an unknown key or a value out of range is an error at file:line:column.
#pragma once

#include <string>

#include "http/service_config.h"
#include "uitdaag/status.h"

namespace uitdaag::http {

StatusOr<ServiceConfig> LoadServiceConfig(const std::string& path, ServiceConfig defaults = {});

}  // namespace uitdaag::http
