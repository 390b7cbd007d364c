#include "src/report/assets.h"

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace crosscheck::assets {

// Defined in the generated embedded_assets.cc.
struct EmbeddedAsset {
  const char* name;
  const char* data;
  std::size_t size;
};
extern const EmbeddedAsset kEmbeddedAssets[];
extern const std::size_t kEmbeddedAssetCount;

std::optional<std::string> find(std::string_view name) {
  if (const char* dir = std::getenv("CROSSCHECK_ASSET_DIR"); dir != nullptr && *dir != '\0') {
    // Names come from this program, never from a request, so no path from outside reaches here.
    std::ifstream in(std::string(dir) + "/" + std::string(name), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  for (std::size_t i = 0; i < kEmbeddedAssetCount; ++i) {
    if (name == kEmbeddedAssets[i].name)
      return std::string(kEmbeddedAssets[i].data, kEmbeddedAssets[i].size);
  }
  return std::nullopt;
}

}  // namespace crosscheck::assets
