// What every subcommand shares: the input options, problem reporting on stderr, progress on a
// terminal, and the exit status contract of DESIGN 4.1.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/pipeline.h"
#include "crosscheck/problem.h"

namespace crosscheck::cli {

// Exit status: 0 success; 1 some records failed; 2 usage error, nothing could be read, or stdout
// could not be written.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

struct InputArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  uint64_t max_file_bytes = 512ull << 20;
  size_t threads = 0;
  bool quiet = false;
  bool keep_boilerplate = false;
  uint32_t template_min_articles = 3;
  bool no_mmap = false;
};

// Registers INPUT... and the options every reading subcommand takes.
void add_input_options(CLI::App& app, InputArgs& args);

// Turns the parsed arguments into pipeline options; false (with a message on stderr) when a
// value is invalid.
bool make_pipeline_options(const InputArgs& args, pipeline::Options& out);

// Counts problems, prints each on stderr as "crosscheck: <severity>: <id>: <stage>: <message>".
class ProblemReporter {
 public:
  void report(const Problem& p);
  uint64_t errors() const { return errors_; }
  uint64_t warnings() const { return warnings_; }

 private:
  uint64_t errors_ = 0;
  uint64_t warnings_ = 0;
};

// A one-line progress display on stderr, redrawn at most every 100 ms, only when stderr is a
// terminal and --quiet was not given.
class ProgressLine {
 public:
  // `done`: what the second count says of the articles ("cleaned", or "grouped" for dedup).
  ProgressLine(std::string label, bool quiet, std::string done = "cleaned");
  ~ProgressLine();
  void update(const pipeline::Progress& p);
  // Erases the line (before other output on stderr); the next update redraws it.
  void clear();
  // Draws the latest state given to update() (a throttled update would otherwise leave counts
  // behind on screen, or none after a clear()) and moves to a new line.
  void finish();
  bool active() const { return active_; }

 private:
  void draw(const pipeline::Progress& p);
  std::string label_;
  std::string done_;
  bool active_;
  bool drawn_ = false;
  bool behind_ = false;  // latest_ differs from what is on screen
  pipeline::Progress latest_;
  std::chrono::steady_clock::time_point start_, last_;
};

// Thrown by a stream_articles sink whose output can no longer be written (write_stdout failed):
// the stream stops there — the rest of the input is not read — and dispatch() reports why.
struct OutputFailed {};

// Streams the cleaned articles of `args.inputs` to `on_article` (pipeline::stream, bounded
// memory) with a progress line labelled `label` and every problem reported on stderr as it comes.
// Returns the number of failed records (errors). A sink that throws OutputFailed ends the stream.
uint64_t stream_articles(const InputArgs& args, const pipeline::Options& options, const char* label,
                         const pipeline::CleanSink& on_article);

// A subcommand: registered on the top-level app, run when its name was given.
class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* app() const = 0;
  virtual int run() = 0;
};

// Parses the command line into `app` and runs the subcommand that was named: the exit status
// (usage errors, uncaught exceptions and output that could not be written to stdout are
// reported on stderr). The main() of both binaries.
int dispatch(CLI::App& app, const std::vector<std::unique_ptr<Command>>& commands, int argc,
             char** argv);

// Writes `data` to stdout; false when it could not. Commands need not flush: dispatch() does,
// and reports a failure then, with the reason of the first failed write kept here (stdio keeps
// only an error flag, and errno is long overwritten by then).
bool write_stdout(std::string_view data);

// Writes `data` to the file `path`, or to stdout when `path` is "-". False when it could not:
// then, for a file, it has said on stderr "crosscheck: <what>: cannot write <path>: <reason>";
// for stdout, dispatch() says it once at the end.
bool write_output(const std::string& path, const std::string& data, const char* what);

// Writes one JSONL line {"id": ids[i], "<key>": ids[target[i]]} per article to stdout, in order.
void write_assignment(const std::vector<std::string>& ids, const std::vector<uint32_t>& target,
                      const char* key);

// The exit status for a run that produced `articles` articles with `errors` failed records. Says
// "no articles found" on stderr when there was nothing at all (no article and no error).
int exit_status(uint64_t articles, uint64_t errors);

}  // namespace crosscheck::cli
