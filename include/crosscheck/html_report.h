// The HTML report: one self-contained page (inline CSS, JS and SVG; no network; opens from disk)
// that shows an analysis — provenance graph, side-by-side reading, claims, discrepancies,
// entities, quotes, removed boilerplate. The page is the analysis JSON of DESIGN 4.2 plus a
// renderer written in JS (src/report/assets/); this side only places the data in the template.
//
//   std::string json, html;
//   crosscheck::report::write_analysis(json, articles, stories, dossiers, problems, 0);
//   crosscheck::Status s = crosscheck::report::write_html_report(html, json, "Talks in Miami");
//
// The served UI (crosscheck serve) uses the same page for a story, with a link back to its list.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/problem.h"

namespace crosscheck::report {

struct HtmlReportOptions {
  // False: a report file. True: a page of `crosscheck serve`, linking back to `stories_url`.
  bool served = false;
  // Where the list of stories is (served pages only).
  std::string stories_url = "/";
  // The story the page shows (served pages only; informational for the page's script).
  std::string story_id;
};

// Writes the report page for `analysis_json` (a complete crosscheck/analysis@1 document) into
// `out`. `title` is plain text (escaped here). Fails only when the page template is missing or
// damaged (a build problem, or a wrong CROSSCHECK_ASSET_DIR).
Status write_html_report(std::string& out, std::string_view analysis_json, std::string_view title,
                         const HtmlReportOptions& options = {});

// The stories list page of the served UI (it reads /api/stories itself).
Status write_stories_page(std::string& out, std::string_view title = "crosscheck — stories");

// `text` with &, <, >, " and ' replaced by character references.
std::string html_escape(std::string_view text);

// `json` made safe inside a <script> element: every '<' written as \u003c (JSON strings only; the
// document means the same).
std::string json_for_script(std::string_view json);

}  // namespace crosscheck::report
