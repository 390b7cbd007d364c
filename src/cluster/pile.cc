// A whole pile of articles clustered at once: publication order, duplicates folded onto their
// group's first member.
#include "crosscheck/cluster.h"

namespace crosscheck::cluster {

std::vector<uint32_t> cluster_pile(StoryClusterer& clusterer, const std::vector<Article>& articles,
                                   const std::vector<Document>& docs,
                                   const std::vector<uint32_t>& group) {
  std::vector<std::string_view> published;
  published.reserve(articles.size());
  for (const Article& a : articles) published.push_back(a.published);
  std::vector<uint32_t> clustered;  // article index per clusterer arrival
  for (uint32_t i : publication_order(published)) {
    if (group[i] != i) continue;
    clusterer.assign(docs[i], articles[i]);
    clustered.push_back(i);
  }
  return stories_of_articles(clustered, clusterer.finish(), group);
}

std::vector<uint32_t> stories_of_articles(const std::vector<uint32_t>& clustered,
                                          const std::vector<uint32_t>& final_story,
                                          const std::vector<uint32_t>& group) {
  std::vector<uint32_t> story_of(group.size());
  for (size_t k = 0; k < clustered.size(); ++k) story_of[clustered[k]] = clustered[final_story[k]];
  // A copy takes the story of its group's first member (clustered, so set above).
  for (size_t i = 0; i < group.size(); ++i) {
    if (group[i] != i) story_of[i] = story_of[group[i]];
  }
  return story_of;
}

}  // namespace crosscheck::cluster
