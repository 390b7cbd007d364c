// crosscheck-serve — the binary behind `crosscheck serve` (src/cli/serve.cc), which
// `crosscheck` runs in its own place with the same arguments (src/cli/serve_launcher.cc). Also
// runnable directly: `crosscheck-serve --db DB ...` is `crosscheck serve --db DB ...`.
#include <memory>
#include <vector>

#include "src/cli/commands.h"
#include "src/cli/common.h"

int main(int argc, char** argv) {
  using namespace crosscheck::cli;
  CLI::App app("crosscheck serve: the store over HTTP.", "crosscheck");
  app.require_subcommand(1);
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_serve(app));
  // Parsed as "crosscheck serve ARGS...", so that help and errors name the command users type.
  std::vector<char*> args(argv, argv + argc);
  static char serve[] = "serve";
  args.insert(args.begin() + (argc > 0 ? 1 : 0), serve);
  args.push_back(nullptr);
  return dispatch(app, commands, static_cast<int>(args.size()) - 1, args.data());
}
