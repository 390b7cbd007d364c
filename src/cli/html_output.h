// --json OUT and --html OUT of analyze and report: the analysis JSON and the self-contained
// report page written to files.
#pragma once

#include <functional>
#include <string>

namespace crosscheck::cli {

// Writes the HTML report of `analysis_json` (a crosscheck/analysis@1 document) to `path`
// ('-' = stdout). False, with the reason on stderr, when the page cannot be made or written.
bool write_html_output(const std::string& path, const std::string& analysis_json,
                       const std::string& title);

// Both outputs from one serialisation: `write_json(out, indent)` writes the analysis JSON,
// indented (2) for --json unless `compact`, compact when only the page is asked for (the page
// reads either). An empty path skips that output. False, with the reason on stderr, when an
// output cannot be made or written.
bool write_analysis_outputs(const std::string& json_path, const std::string& html_path,
                            bool compact, const std::string& title,
                            const std::function<void(std::string& out, int indent)>& write_json);

}  // namespace crosscheck::cli
