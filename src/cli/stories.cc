// crosscheck stories --db DB [--json] — the stories in a store, largest first: id, title, size,
// outlets, first and last seen (earliest / latest `published` of its articles). A table for
// reading, or with --json one document {"schema":"crosscheck/stories@1","stories":[...]}.
#include <cstdio>
#include <memory>

#include "crosscheck/analysis_json.h"
#include "crosscheck/json_writer.h"
#include "crosscheck/store.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

class StoriesCommand : public Command {
 public:
  explicit StoriesCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("stories", "List the stories in a store, largest first.");
    app_->add_option("--db", db_, "The store: an SQLite file written by crosscheck ingest")
        ->required();
    app_->add_flag("--json", json_, "One JSON document on stdout instead of a table");
    app_->footer(
        "Exit status: 0 ok; 2 usage error or the store cannot be read (missing, newer schema,\n"
        "damaged file).");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    store::Options options;
    options.read_only = true;
    store::OpenResult opened = store::open_store(db_, options);
    std::vector<store::StorySummary> stories;
    Status s = opened.status ? opened.store->stories(&stories) : opened.status;
    if (!s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    std::string out;
    if (json_) {
      JsonWriter w(out, 2);
      w.begin_object().key("schema").value("crosscheck/stories@1").key("stories").begin_array();
      for (const store::StorySummary& st : stories) {
        w.begin_object();
        report::write_story_summary_fields(w, st);
        w.end_object();
      }
      w.end_array().end_object();
      out.push_back('\n');
    } else {
      char buf[512];
      std::snprintf(buf, sizeof buf, "%-10s %5s %7s  %-10s %-10s  %s\n", "story", "size", "outlets",
                    "first", "last", "title");
      out += buf;
      for (const store::StorySummary& st : stories) {
        std::snprintf(buf, sizeof buf, "%-10lld %5llu %7zu  %-10.10s %-10.10s  %.70s\n",
                      static_cast<long long>(st.id), static_cast<unsigned long long>(st.size),
                      st.outlets.size(), st.first_seen.empty() ? "-" : st.first_seen.c_str(),
                      st.last_seen.empty() ? "-" : st.last_seen.c_str(),
                      st.title.empty() ? "(untitled)" : st.title.c_str());
        out += buf;
      }
      std::snprintf(buf, sizeof buf, "%zu stories\n", stories.size());
      out += buf;
    }
    write_stdout(out);
    return kExitOk;  // dispatch() says so if stdout could not be written
  }

 private:
  CLI::App* app_ = nullptr;
  std::string db_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_stories(CLI::App& parent) {
  return std::make_unique<StoriesCommand>(parent);
}

}  // namespace crosscheck::cli
