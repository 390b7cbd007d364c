// The subcommands of `crosscheck`, one file each.
#pragma once

#include <memory>

#include "src/cli/common.h"

namespace crosscheck::cli {

std::unique_ptr<Command> make_extract(CLI::App& parent);
std::unique_ptr<Command> make_analyze(CLI::App& parent);
std::unique_ptr<Command> make_dedup(CLI::App& parent);
std::unique_ptr<Command> make_cluster(CLI::App& parent);
std::unique_ptr<Command> make_ingest(CLI::App& parent);
std::unique_ptr<Command> make_stories(CLI::App& parent);
std::unique_ptr<Command> make_report(CLI::App& parent);
std::unique_ptr<Command> make_tag(CLI::App& parent);
std::unique_ptr<Command> make_quotes(CLI::App& parent);
// The HTTP server: make_serve is crosscheck-serve's; `crosscheck serve` is the launcher that
// runs crosscheck-serve (src/cli/serve_launcher.cc says why).
std::unique_ptr<Command> make_serve(CLI::App& parent);
std::unique_ptr<Command> make_serve_launcher(CLI::App& parent);

}  // namespace crosscheck::cli
