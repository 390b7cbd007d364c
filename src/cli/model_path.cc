#include "src/cli/model_path.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace crosscheck::cli {

std::string find_model(std::string_view name) {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("CROSSCHECK_MODEL_DIR")) dirs.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    dirs.push_back(bin / "models");
    dirs.push_back(bin.parent_path() / "models");
    dirs.push_back(bin.parent_path() / "share" / "crosscheck" / "models");
  }
  dirs.emplace_back("models");
  for (const fs::path& d : dirs) {
    fs::path p = d / fs::path(name);
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

}  // namespace crosscheck::cli
