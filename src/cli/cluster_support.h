// What the clustering subcommands (cluster, analyze, ingest) share: where the background DF model
// is, the clusterer options built from it, and clusterer output turned into Story values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/cluster.h"
#include "crosscheck/story.h"

namespace crosscheck::cli {

// models/df-en.tsv.gz: $CROSSCHECK_MODEL_DIR, then next to the binary (<bin>/models,
// <bin>/../models, <bin>/../share/crosscheck/models), then ./models. Empty when none exists;
// the clusterer then learns IDF from the input alone.
std::string find_background_df();

// Default clusterer options with the background model: `background_df` as given on the command
// line ("none": learn IDF from the input), else the one find_background_df() finds. When none is
// found, says so on stderr (once per process; not for "none"): clustering then works, with less
// reliable early stories, and the user should know why results differ from a run that finds it.
cluster::Options default_cluster_options(const std::string& background_df = "");

// Says on stderr that the input was far out of publication order, when at least 1% of the
// `clustered` articles arrived late (StoryClusterer::late_arrivals): the stories were found in
// arrival order, where the time window cannot keep distant dates apart. `advice` says what to do.
void warn_late_arrivals(uint64_t late, uint64_t clustered, const cluster::Options& options,
                        const char* advice);

// Stories from the clusterer's final per-article story ids (arrival index of the first member).
// A story's id and title are those of its first article (the title: first member with a title).
std::vector<Story> make_stories(const std::vector<uint32_t>& story_of,
                                const std::vector<std::string>& ids,
                                const std::vector<std::string>& titles);

}  // namespace crosscheck::cli
