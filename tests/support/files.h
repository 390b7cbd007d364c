// Small file helpers for tests and tools: whole-file reads, line splitting, running the binary.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace crosscheck::testing_support {

// Writes `bytes` to `path`, replacing what was there.
inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

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

// What one run of a command produced.
struct RunResult {
  int status = -1;  // exit status, -1 when killed by a signal
  std::string out, err;
};

// Runs `binary args` through the shell with `stdin_data` on stdin; stdout and stderr are captured
// through files in `io_dir` (which must exist and should not be an input of the run).
inline RunResult run_command(const std::string& binary, const std::string& args,
                             const std::filesystem::path& io_dir,
                             const std::string& stdin_data = "") {
  std::filesystem::path in = io_dir / "stdin.txt", out = io_dir / "stdout.txt",
                        err = io_dir / "stderr.txt";
  std::ofstream(in, std::ios::binary) << stdin_data;
  std::string cmd =
      binary + " " + args + " <" + in.string() + " >" + out.string() + " 2>" + err.string();
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace crosscheck::testing_support
