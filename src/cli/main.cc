// crosscheck — one binary, git-style subcommands (DESIGN 4.1). Each subcommand lives in its own
// file under src/cli/; this file only registers them (`serve` runs the crosscheck-serve binary:
// src/cli/serve_launcher.cc).
#include <memory>
#include <vector>

#include "src/cli/commands.h"
#include "src/cli/common.h"

int main(int argc, char** argv) {
  using namespace crosscheck::cli;
  CLI::App app(
      "crosscheck: reads news articles from many outlets and tells, per story, which belong "
      "together, who copied whom, who said what, which claims are independently carried and "
      "where outlets disagree.",
      "crosscheck");
  app.set_version_flag("--version", "crosscheck 0.1.0");
  app.require_subcommand(1);
  app.footer("Run 'crosscheck SUBCOMMAND --help' for the options of each subcommand.");

  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_extract(app));
  commands.push_back(make_analyze(app));
  commands.push_back(make_dedup(app));
  commands.push_back(make_cluster(app));
  commands.push_back(make_ingest(app));
  commands.push_back(make_stories(app));
  commands.push_back(make_report(app));
  commands.push_back(make_tag(app));
  commands.push_back(make_quotes(app));
  commands.push_back(make_serve_launcher(app));
  return dispatch(app, commands, argc, argv);
}
