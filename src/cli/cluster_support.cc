#include "src/cli/cluster_support.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace crosscheck::cli {

std::string find_background_df() {
  namespace fs = std::filesystem;
  const char* kName = "df-en.tsv.gz";
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
    fs::path p = d / kName;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

cluster::Options default_cluster_options() {
  cluster::Options options;
  options.background_df = find_background_df();
  return options;
}

std::vector<Story> make_stories(const std::vector<uint32_t>& story_of,
                                const std::vector<std::string>& ids,
                                const std::vector<std::string>& titles) {
  std::map<uint32_t, size_t> index;  // story id -> position in out (ordered by first member)
  std::vector<Story> out;
  for (uint32_t i = 0; i < story_of.size(); ++i) {
    auto [it, fresh] = index.try_emplace(story_of[i], out.size());
    if (fresh) {
      out.emplace_back();
      out.back().id = ids[story_of[i]];
    }
    Story& s = out[it->second];
    s.articles.push_back(ids[i]);
    if (s.title.empty()) s.title = titles[i];
  }
  // Story order: by first member, which is the order of first appearance here too.
  return out;
}

}  // namespace crosscheck::cli
