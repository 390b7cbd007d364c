// crosscheck ingest --db DB INPUT... — adds articles to a store, with their duplicate groups and
// stories. Incremental and idempotent: an article already stored with the same content is skipped,
// one with changed content is stored as a new version, and a killed run is resumed by running the
// same command again (every committed batch stays; the open one is redone). A raw record stored
// before is recognised by its fingerprint before it is cleaned (see store::KnownRecords).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "crosscheck/store.h"
#include "crosscheck/store_ingest.h"
#include "src/cli/cluster_support.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"
#include "src/core/bounded_queue.h"

namespace crosscheck::cli {
namespace {

constexpr size_t kChunkArticles = 500;  // cleaned articles handed from the reader to the writer
constexpr size_t kChunksAhead = 4;      // chunks the reader may run ahead of the writer

class IngestCommand : public Command {
 public:
  explicit IngestCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "ingest",
        "Read articles and add them to a store (SQLite file, created when missing) with their "
        "duplicate groups and stories. Re-running on the same input is a no-op; changed texts "
        "become new versions; an interrupted run resumes where it stopped. Stories are found "
        "in publication order: articles are put in date order through a buffer of --reorder "
        "articles (a pile up to that size is sorted whole; --sort sorts any pile, through "
        "temporary files); a warning says when 1% or more still came over a week late.");
    app_->add_option("--db", db_, "The store: an SQLite file")->required();
    add_input_options(*app_, args_);
    app_->add_option("--batch", ingest_.batch_articles,
                     "Articles per transaction (what an interrupted run redoes)")
        ->default_val(1000)
        ->check(CLI::Range(1u, 1000000u));
    app_->add_option("--replay", ingest_.replay_articles,
                     "Stored articles the story clusterer re-reads to continue open stories")
        ->default_val(5000);
    app_->add_option("--reorder", reorder_,
                     "Articles held back to add them by publication day (undated ones stay after "
                     "the dated one before them): a pile of up to this many is sorted whole, a "
                     "stream's local disorder is mended. Memory: their cleaned text. 0 = add in "
                     "input order. With --sort: the articles sorted in memory per temporary file")
        ->default_val(20000)
        ->check(CLI::Range(size_t{0}, size_t{100000000}));
    app_->add_flag("--sort", sort_,
                   "Read the whole input before adding any of it, and add it in publication "
                   "order however disordered it is (a crawl, an archive filed by outlet): "
                   "--reorder articles are held in memory, the rest go to sorted temporary files "
                   "in --sort-dir (removed at once, so nothing is left behind even by a killed "
                   "run; they take about the size of the cleaned text). An interrupted sorted "
                   "run reads its input again");
    app_->add_option("--sort-dir", sort_dir_,
                     "Directory for --sort's temporary files (default: $TMPDIR, else /tmp)");
    app_->add_option("--idle-articles", idle_articles_,
                     "A story that gets no article for this many arrivals is closed to new ones "
                     "(bounds memory and time on undated streams; 0 = never)")
        ->default_val(20000);
    app_->add_option("--merge-every", merge_every_,
                     "Story clusterer: merge pass over the open stories every this many arrivals")
        ->default_val(200);
    app_->add_flag("--reclean", reclean_,
                   "Clean every record again, also those stored before (by default a record "
                   "stored before is recognised and skipped uncleaned): after an upgrade of "
                   "crosscheck, or to let templates learned since strip older articles; a "
                   "record that now cleans differently becomes a new version");
    app_->add_option("--background-df", background_df_,
                     "Document-frequency model for IDF (default: models/df-en.tsv.gz next to the "
                     "binary; 'none' to learn IDF from the input)");
    app_->footer(
        "A summary goes to stderr. Exit status: 0 ok; 1 some records failed (reported on\n"
        "stderr, the rest stored); 2 usage error, nothing could be read, the store cannot be\n"
        "used (newer schema, damaged file), or --sort could not write its temporary files.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    if (sort_ && reorder_ == 0) {
      std::fprintf(stderr, "crosscheck: ingest: --sort needs --reorder of at least 1 (the "
                           "articles it holds in memory)\n");
      return kExitUsage;
    }
    if (sort_ && sort_dir_.empty()) {
      const char* tmp = std::getenv("TMPDIR");
      sort_dir_ = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
    }
    if (sort_ && ::access(sort_dir_.c_str(), W_OK | X_OK) != 0) {
      std::fprintf(stderr, "crosscheck: ingest --sort: cannot write temporary files in %s: %s\n",
                   sort_dir_.c_str(), std::strerror(errno));
      return kExitUsage;
    }
    ingest_.cluster = default_cluster_options(background_df_);
    ingest_.cluster.max_idle_articles = idle_articles_;
    ingest_.cluster.merge_every = merge_every_;

    store::OpenResult opened = store::open_store(db_);
    if (!opened.status) {
      std::fprintf(stderr, "crosscheck: %s\n", opened.status.message().c_str());
      return kExitUsage;
    }
    ThreadPool pool(options.threads);
    store::Ingestor ingestor(*opened.store, ingest_, &pool);
    if (Status s = ingestor.open(); !s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    for (const std::string& w : ingestor.warnings())
      std::fprintf(stderr, "crosscheck: %s\n", w.c_str());
    // Records stored before (same raw record under the same id) are recognised before they are
    // cleaned: a re-run over a grown input costs the reading of the old part, not its cleaning.
    options.fingerprint_raw = true;
    uint64_t recognised = 0;  // counted on the thread that reads (serially, in input order)
    store::KnownRecords& known = ingestor.known_records();
    if (known.size() > 0 && !reclean_) {
      options.known = [&](const RawArticle& raw, uint64_t fingerprint) {
        bool seen = known.seen(raw.id, fingerprint);
        recognised += seen;
        return seen;
      };
    }

    uint64_t articles = 0;
    Status failure;
    auto ingest_one = [&](Article&& a) {
      ++articles;
      // After a store failure, keep draining the stream (it cannot be stopped) but write
      // nothing more; the committed batches stay.
      if (!failure) return;
      if (Status s = ingestor.add(std::move(a)); !s) failure = s;
    };
    // Cleaned articles reach the store in publication order: all of them with --sort, else as
    // far as the --reorder buffer allows.
    std::string sort_error;     // set by the reading thread; read after it is done
    bool sort_started = false;  // articles may have been given to the store before sort_error
    auto read_in_date_order = [&](const cluster::PublicationOrderBuffer::Sink& sink) {
      if (!sort_) {
        cluster::PublicationOrderBuffer by_date(reorder_, sink);
        uint64_t failed = stream_articles(args_, options, "ingest",
                                          [&](Article&& a) { by_date.push(std::move(a)); });
        by_date.flush();
        return failed;
      }
      cluster::PublicationSort sorter(reorder_, sort_dir_);
      uint64_t failed = stream_articles(args_, options, "ingest", [&](Article&& a) {
        // After a failed spill the rest of the input is read (a stream cannot be stopped) and
        // dropped: nothing is added, and the command says so.
        if (sort_error.empty()) sorter.push(std::move(a), &sort_error);
      });
      if (sort_error.empty()) {
        sort_started = true;
        sorter.finish(sink, &sort_error);
      }
      return failed;
    };
    uint64_t errors = 0;
    if (pool.size() == 1) {
      errors = read_in_date_order(ingest_one);
    } else {
      // Two stages on two threads: reading and cleaning run ahead (a few chunks at most) while
      // this thread writes — dedup decisions, story clustering and SQLite inserts are sequential,
      // and cleaning the next chunk meanwhile keeps the second core busy. Same articles in the
      // same order as the one-thread path, so the same store.
      BoundedQueue<std::vector<Article>> cleaned(kChunksAhead);
      std::exception_ptr reader_failure;
      struct Cancelled {};  // the writer gave up: stop reading instead of draining the input
      std::thread reader([&] {
        try {
          std::vector<Article> chunk;
          errors = read_in_date_order([&](Article&& a) {
            chunk.push_back(std::move(a));
            if (chunk.size() >= kChunkArticles && !cleaned.push(std::exchange(chunk, {})))
              throw Cancelled{};
          });
          if (!chunk.empty()) cleaned.push(std::move(chunk));
        } catch (const Cancelled&) {
          // The writer's own exception is what the command reports.
        } catch (...) {
          reader_failure = std::current_exception();
        }
        cleaned.close();
      });
      try {
        std::vector<Article> chunk;
        while (cleaned.pop(chunk)) {
          for (Article& a : chunk) ingest_one(std::move(a));
        }
      } catch (...) {
        cleaned.close();  // the reader's pushes fail from now on, so it cannot block
        reader.join();
        throw;
      }
      reader.join();
      if (reader_failure) std::rethrow_exception(reader_failure);
    }
    if (!sort_error.empty()) {
      std::fprintf(stderr, "crosscheck: ingest --sort: %s; %s\n", sort_error.c_str(),
                   sort_started ? "the articles after that point were not added (run the "
                                  "command again to add them)"
                                : "nothing was added");
      if (failure) failure = ingestor.finish();  // what was added gets its stories
      return kExitUsage;
    }
    if (failure) failure = ingestor.finish();
    if (!failure) {
      std::fprintf(stderr, "crosscheck: %s\n", failure.message().c_str());
      return kExitUsage;
    }
    const store::IngestStats& st = ingestor.stats();
    warn_late_arrivals(st.late_arrivals, st.added + st.new_versions - st.duplicates,
                       ingest_.cluster,
                       "the input is out of date order by more than --reorder articles: "
                       "add --sort (or raise --reorder to the input's size)");
    articles += recognised;
    uint64_t current = 0, versions = 0;
    opened.store->counts(&current, &versions);
    {
      std::fprintf(
          stderr,
          "ingest: %llu read, %llu added, %llu new versions, %llu unchanged (%llu recognised "
          "before cleaning), %llu duplicates; store: %llu articles (%llu versions); reload "
          "%.2f s (%llu signatures, %llu replayed); story finish %.2f s\n",
          static_cast<unsigned long long>(articles), static_cast<unsigned long long>(st.added),
          static_cast<unsigned long long>(st.new_versions),
          static_cast<unsigned long long>(st.unchanged + recognised),
          static_cast<unsigned long long>(recognised),
          static_cast<unsigned long long>(st.duplicates), static_cast<unsigned long long>(current),
          static_cast<unsigned long long>(versions), st.reload_seconds,
          static_cast<unsigned long long>(st.signatures_loaded),
          static_cast<unsigned long long>(st.replayed), st.settle_seconds);
    }
    return exit_status(articles, errors);
  }

 private:
  CLI::App* app_ = nullptr;
  std::string db_;
  InputArgs args_;
  store::IngestOptions ingest_;
  std::string background_df_;
  bool reclean_ = false;
  size_t reorder_ = 20000;
  bool sort_ = false;
  std::string sort_dir_;
  uint32_t idle_articles_ = 20000;
  uint32_t merge_every_ = 200;
};

}  // namespace

std::unique_ptr<Command> make_ingest(CLI::App& parent) {
  return std::make_unique<IngestCommand>(parent);
}

}  // namespace crosscheck::cli
