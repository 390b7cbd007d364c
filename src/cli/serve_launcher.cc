// crosscheck serve ... — runs crosscheck-serve, the binary beside this one, in this process's
// place (execv: same process id, signals and exit status) with the arguments after "serve".
//
// Why a binary of its own: Debian's cpp-httplib is built with OpenSSL support and initialises
// OpenSSL when the library is loaded — about 3 ms (a third of the start-up) of every command
// linked with it, serving or not. Only crosscheck-serve links it.
#include <errno.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

namespace fs = std::filesystem;

class ServeLauncher : public Command {
 public:
  explicit ServeLauncher(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "serve",
        "Serve a store over HTTP: the stories list and each story's report in a browser, and a "
        "JSON API (/api/stories, /api/stories/{id}, /api/articles/{id}, /api/search). Run "
        "'crosscheck serve --help' for its options.");
    // Everything after "serve", --help included, is crosscheck-serve's to parse.
    app_->prefix_command();
    app_->set_help_flag();
    app_->allow_extras();
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
      std::fprintf(stderr, "crosscheck: serve: cannot find this binary's directory: %s\n",
                   ec.message().c_str());
      return kExitUsage;
    }
    const std::string server = (self.parent_path() / "crosscheck-serve").string();
    std::vector<std::string> args = app_->remaining();
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(server.c_str()));
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    execv(server.c_str(), argv.data());
    std::fprintf(stderr,
                 "crosscheck: serve: cannot run %s: %s (it is built beside crosscheck; "
                 "rebuild, or run it directly)\n",
                 server.c_str(), std::strerror(errno));
    return kExitUsage;
  }

 private:
  CLI::App* app_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_serve_launcher(CLI::App& parent) {
  return std::make_unique<ServeLauncher>(parent);
}

}  // namespace crosscheck::cli
