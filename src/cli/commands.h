// The subcommands of `crosscheck`, one file each.
#pragma once

#include <memory>

#include "src/cli/common.h"

namespace crosscheck::cli {

std::unique_ptr<Command> make_extract(CLI::App& parent);
std::unique_ptr<Command> make_analyze(CLI::App& parent);

}  // namespace crosscheck::cli
