#include "src/cli/html_output.h"

#include <cstdio>

#include "crosscheck/html_report.h"
#include "src/cli/common.h"

namespace crosscheck::cli {

bool write_html_output(const std::string& path, const std::string& analysis_json,
                       const std::string& title) {
  std::string page;
  if (Status s = report::write_html_report(page, analysis_json, title); !s) {
    std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
    return false;
  }
  return write_output(path, page, "HTML report");
}

bool write_analysis_outputs(const std::string& json_path, const std::string& html_path,
                            bool compact, const std::string& title,
                            const std::function<void(std::string& out, int indent)>& write_json) {
  std::string json;
  write_json(json, compact || json_path.empty() ? 0 : 2);
  if (!json_path.empty() && !write_output(json_path, json, "analysis JSON")) return false;
  return html_path.empty() || write_html_output(html_path, json, title);
}

}  // namespace crosscheck::cli
