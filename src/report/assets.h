// The web assets (templates, styles, scripts under src/*/assets/), compiled into the binary by
// cmake/embed_assets.cmake. For UI work, CROSSCHECK_ASSET_DIR=<repo>/src makes every lookup read
// the file from disk instead, so a page can be changed without rebuilding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crosscheck::assets {

// The asset named by its path under src/ ("report/assets/report.js"); nullopt when there is none
// (or, with CROSSCHECK_ASSET_DIR set, when that file cannot be read).
std::optional<std::string> find(std::string_view name);

}  // namespace crosscheck::assets
