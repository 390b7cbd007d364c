// --html OUT of analyze and report: the self-contained report page written to a file.
#pragma once

#include <string>

namespace crosscheck::cli {

// Writes the HTML report of `analysis_json` (a crosscheck/analysis@1 document) to `path`
// ('-' = stdout). False, with the reason on stderr, when the page cannot be made or written.
bool write_html_output(const std::string& path, const std::string& analysis_json,
                       const std::string& title);

}  // namespace crosscheck::cli
