#include "src/cli/cluster_support.h"

#include <map>

#include "src/cli/model_path.h"

namespace crosscheck::cli {

std::string find_background_df() { return find_model("df-en.tsv.gz"); }

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
