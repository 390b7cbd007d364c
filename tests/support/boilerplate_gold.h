// Line-level boilerplate gold (tests/data/*_boilerplate.tsv: file, 1-based line, kind; first row
// is a header). Shared by the seeds/examples
// integration test and tools/boilerplate_eval.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/files.h"

namespace crosscheck::testing_support {

// file name -> line number -> kind
using BoilerplateGold = std::map<std::string, std::map<int, std::string>>;

inline BoilerplateGold read_boilerplate_gold(const std::filesystem::path& tsv) {
  BoilerplateGold gold;
  std::vector<std::string> rows = split_lines(read_file(tsv));
  for (size_t i = 1; i < rows.size(); ++i) {  // row 0 is the header
    std::istringstream row(rows[i]);
    std::string file, line, kind;
    if (std::getline(row, file, '\t') && std::getline(row, line, '\t') &&
        std::getline(row, kind, '\t')) {
      gold[file][std::stoi(line)] = kind;
    }
  }
  return gold;
}

}  // namespace crosscheck::testing_support
