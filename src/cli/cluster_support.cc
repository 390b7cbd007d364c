#include "src/cli/cluster_support.h"

#include <cstdio>
#include <map>

#include "src/cli/model_path.h"

namespace crosscheck::cli {

std::string find_background_df() { return find_model("df-en.tsv.gz"); }

cluster::Options default_cluster_options(const std::string& background_df) {
  cluster::Options options;
  if (background_df == "none") return options;
  options.background_df = background_df.empty() ? find_background_df() : background_df;
  static bool warned = false;
  if (options.background_df.empty() && !warned) {
    warned = true;
    std::fprintf(stderr,
                 "crosscheck: warning: models/df-en.tsv.gz not found ($CROSSCHECK_MODEL_DIR, next "
                 "to the binary, ./models): story clustering learns IDF from the input alone, "
                 "which makes its first decisions less reliable\n");
  }
  return options;
}

void warn_late_arrivals(uint64_t late, uint64_t clustered, const cluster::Options& options,
                        const char* advice) {
  if (late == 0 || late * 100 < clustered) return;
  std::fprintf(stderr,
               "crosscheck: warning: %llu of %llu articles are dated more than %d days before "
               "an article that came before them: stories are found in input order, where the time "
               "window cannot keep distant dates apart (stories can chain across months); %s\n",
               static_cast<unsigned long long>(late), static_cast<unsigned long long>(clustered),
               options.window_days, advice);
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
