// A story as the outputs see it: one real-world event and the articles that report it.
//
//   crosscheck::Story s{"a17", "Talks end without a deal", {"a17", "a18", "a23"}};
//
// The clusterer (crosscheck/cluster.h) works with arrival indices; this is the plain value the
// JSON writer, the store and the CLI pass around once those indices are mapped back to ids.
#pragma once

#include <string>
#include <vector>

namespace crosscheck {

struct Story {
  std::string id;                     // stable id: first article's id (analyze), store id (store)
  std::string title;                  // title of the story's first article with a title
  std::vector<std::string> articles;  // article ids, in arrival order
};

}  // namespace crosscheck
