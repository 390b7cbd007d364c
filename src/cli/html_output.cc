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
  if (!write_output(path, page)) {
    std::fprintf(stderr, "crosscheck: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace crosscheck::cli
