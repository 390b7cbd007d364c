// crosscheck serve --db DB [--host H] [--port P] — the store behind an HTTP API and a web UI
// (include/crosscheck/server.h). Runs until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "crosscheck/server.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"
#include "src/cli/ner_model.h"

namespace crosscheck::cli {
namespace {

class ServeCommand : public Command {
 public:
  explicit ServeCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "serve",
        "Serve a store over HTTP: the stories list and each story's report in a browser, and a "
        "JSON API (/api/stories, /api/stories/{id}, /api/articles/{id}, /api/search).");
    app_->add_option("--db", db_, "The store: an SQLite file written by crosscheck ingest")
        ->required();
    app_->add_option("--host", server_.host,
                     "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 "
                     "opens it to the network)");
    app_->add_option("--port", server_.port, "TCP port; 0 picks a free one (default 8080)")
        ->check(CLI::Range(0, 65535));
    app_->add_option("--threads", server_.threads, "Worker threads: clients served at once (default 32)")
        ->check(CLI::Range(1, 256));
    app_->add_option("--cache", api_.cached_stories,
                     "Analysed stories kept in memory (default 64)");
    app_->add_option("--ner-model", ner_model_,
                     "NER model for the stories' entities (default: models/ner-en.bin.gz)");
    app_->add_flag("--access-log", server_.access_log, "Print one line per request on stderr");
    app_->footer(
        "Read-only: an ingest may run into the same store meanwhile; each request sees what it\n"
        "has committed. Stops on Ctrl-C / SIGTERM.\n"
        "Exit status: 0 stopped by a signal; 2 usage error, unreadable store, or port in use.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    // Signals are taken by one thread (sigwait) so that stopping is an ordinary call.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::unique_ptr<entities::Tagger> tagger = load_ner_model(ner_model_);
    server::Api api(db_, api_, tagger.get());
    if (Status s = api.check(); !s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    server::HttpServer http(api, server_);
    if (Status s = http.bind(); !s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&signals, &signal);
      http.stop();
    });
    std::fprintf(stderr, "crosscheck: serving http://%s:%d/ (Ctrl-C stops)\n",
                 server_.host.c_str(), http.port());
    std::fflush(stderr);
    http.run();
    pthread_kill(waiter.native_handle(), SIGUSR1);  // wakes the waiter if run() ended on its own
    waiter.join();
    std::fprintf(stderr, "crosscheck: stopped\n");
    return kExitOk;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string db_;
  std::string ner_model_;
  server::ServerOptions server_;
  server::ApiOptions api_;
};

}  // namespace

std::unique_ptr<Command> make_serve(CLI::App& parent) {
  return std::make_unique<ServeCommand>(parent);
}

}  // namespace crosscheck::cli
