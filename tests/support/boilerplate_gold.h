// Line-level boilerplate gold (tests/data/*_boilerplate.tsv: file, 1-based line, kind; first row
// is a header) and the small file helpers its readers need. Shared by the seeds/examples
// integration test and tools/boilerplate_eval.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace crosscheck::testing_support {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lines without their terminator (LF or CRLF).
inline std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

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
