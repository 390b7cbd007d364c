// The analysis JSON of DESIGN 4.2 ("schema": "crosscheck/analysis@1") and the per-article JSONL
// of `crosscheck extract`. Offsets anywhere in this output are Unicode code points into the
// article's cleaned `text` (see docs/json-schema.md).
//
//   std::string out;
//   crosscheck::report::write_analysis(out, articles, stories, problems, /*indent=*/2);
#pragma once

#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/dossier.h"
#include "crosscheck/json_writer.h"
#include "crosscheck/problem.h"
#include "crosscheck/store.h"
#include "crosscheck/story.h"

namespace crosscheck::report {

inline constexpr const char* kAnalysisSchema = "crosscheck/analysis@1";

// One article object: id, source, url, title, published, language, text, removed[{kind,text}],
// authors[], credits[], duplicate_of. Empty strings are written as null except id and text.
void write_article(JsonWriter& w, const Article& article);

// The fields of a stored story's summary — id (a string, like a story's id in the analysis),
// title, size, outlets, first_seen, last_seen — written into the object open in `w`: one shape
// for `crosscheck stories --json` and the served /api/stories.
void write_story_summary_fields(JsonWriter& w, const store::StorySummary& summary);

// One problem object: id, stage, severity, message.
void write_problem(JsonWriter& w, const Problem& problem);

// One story object: id, title, articles[ids]; with a dossier also reuse[], claims[],
// discrepancies[], summary[] (entities and quotes join as their stages land).
void write_story(JsonWriter& w, const Story& story, const Dossier* dossier = nullptr);

// The dossier's fields, written into the story object currently open in `w`.
void write_dossier_fields(JsonWriter& w, const Dossier& dossier);

// The whole analysis document: articles, stories, problems.
void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Story>& stories, const std::vector<Problem>& problems,
                    int indent = 2);

// The same with a dossier per story (dossiers[i] belongs to stories[i]).
void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Story>& stories, const std::vector<Dossier>& dossiers,
                    const std::vector<Problem>& problems, int indent = 2);

// The same without stories ("stories": []), for callers that do not cluster.
void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Problem>& problems, int indent = 2);

}  // namespace crosscheck::report
