// crosscheck dedup INPUT... — duplicate groups as JSONL on stdout: {"id","group"} per article, in
// input order, where group is the id of the group's first member (an article that duplicates
// nothing is its own group). Memory is one dedup signature (~0.6 KB) and one id per article plus
// a few batches in flight, not the articles themselves. Output comes after the last article: a
// late article can bridge two groups, and the answer printed is the final one.
//
// What is signed: the article text as read (HTML reduced to its main content by
// clean::prepare, with rule-based boilerplate removal unless --keep-boilerplate). The signature
// already ignores case, punctuation and whitespace, so the rest of the clean stage —
// normalisation, outlet templates learned over the batch, language detection — would cost ~10x
// the dedup work and change nothing the signature sees (on the shared dedup set the groups are
// identical). --clean signs the fully cleaned text instead, as `analyze` sees it.
//
// Threads: one task reads (a gzip JSONL file is decoded a piece at a time) and cuts the input
// into batches: JSONL as blocks of unparsed lines, other formats as articles. The other tasks
// parse and sign batches meanwhile, and the reader too when it runs ahead (which also bounds the
// batches in flight). Adding a batch takes the three steps of dedup::Deduplicator: filing (exact
// lookup, LSH candidates) and deciding (groups) are serial, in input order, done by whichever
// thread finds a batch ready for them first (one at a time); verifying the candidates is done by
// any thread, beside the filing of later batches — at scale it is a fifth of the serial work.
// Problems travel in the batches, so they are reported in input order too. With -j 1 it is plain
// sequential code (lines parsed as they are read).
#include "crosscheck/dedup.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/json_writer.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

constexpr size_t kBatch = 256;            // articles per signing batch
constexpr double kEstimateMargin = 1.15;  // the estimated article count is reserved with a margin
// JSONL lines per block, parsed where it is signed; and unclaimed batches per thread before the
// reader helps. Small enough that the work left when the reading ends (signed on both threads,
// then filed and decided in order) is short: with 256 KB and 4 per thread that tail was 4.8 ms
// of a 78 ms two-thread run on the 20k corpus, with 64 KB and 2 it is 0.7 ms (medians of 20).
constexpr size_t kBlockBytes = 64 << 10;
constexpr size_t kBatchesPerThread = 2;
constexpr size_t kKeptBlockBytes = 4 * kBlockBytes;  // a reused batch keeps a block buffer this big
constexpr size_t kCleanBatch = 2048;  // --clean: articles cleaned, then signed in parallel

struct Batch {
  // JSONL comes as a block of unparsed lines (parsed by whichever thread signs the batch, so the
  // reader only decodes); other formats as articles. Lines not yet parsed are in block.bytes;
  // once parsed it is cleared, and its buffer goes back to the reader with the reused batch.
  ingest::JsonlBlock block;
  std::vector<Problem> problems;  // from parsing the block, reported when the batch is added
  std::vector<RawArticle> raws;
  std::vector<dedup::Signature> sigs;
  std::vector<std::string> failure;     // per article: why it could not be signed, else empty
  std::vector<dedup::Pending> pending;  // per signed article, between file and decide
  uint64_t body_bytes = 0;              // of the articles signed (only their ids are kept)
  bool parsed = false;                  // the articles came from `block` (not yet counted as read)
  // Its way through the pipeline: claimed -> is_signed -> filed -> verify_claimed -> verified,
  // then decided and gone from the queue.
  bool claimed = false;
  bool is_signed = false;
  bool filed = false;
  bool verify_claimed = false;
  bool verified = false;

  // Ready for the next articles, keeping what its vectors have grown (the signatures' and
  // candidate lists' buffers above all): a decided batch goes back to the reader.
  void reset() {
    // A block grown past a few times the usual size (a line of several MB) is let go, so that a
    // few huge records do not leave every batch holding a buffer that size.
    if (block.bytes.capacity() > kKeptBlockBytes) {
      std::string().swap(block.bytes);
    } else {
      block.bytes.clear();
    }
    problems.clear();
    raws.clear();
    failure.clear();
    body_bytes = 0;
    parsed = claimed = is_signed = filed = verify_claimed = verified = false;
  }
};

class DedupCommand : public Command {
 public:
  explicit DedupCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "dedup",
        "Find exact and near-duplicate articles (MinHash/LSH over word 5-grams). Writes one "
        "JSON object per article to stdout: {\"id\",\"group\"}, group = id of the group's first "
        "member.");
    add_input_options(*app_, args_);
    app_->add_option("--threshold", threshold_,
                     "Estimated Jaccard similarity of word 5-grams at or above which two "
                     "articles are near duplicates")
        ->default_val(0.4)
        ->check(CLI::Range(0.0, 1.0));
    app_->add_flag("--clean", clean_,
                   "Sign the fully cleaned text (normalised, outlet templates removed) as "
                   "`analyze` sees it; about 10x slower. Default: the text as read, HTML reduced "
                   "to its main content");
    app_->footer(
        "Output comes after all input is read (a late article can join two groups).\n"
        "--template-min-articles applies only with --clean.\n"
        "Exit status: 0 ok; 1 some records failed (reported on stderr); 2 usage error or nothing\n"
        "could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    dedup::Options dedup_options;
    dedup_options.threshold = threshold_;
    if (Status s = dedup::validate(dedup_options); !s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    dedup::Deduplicator dedup(dedup_options);
    std::vector<std::string> ids;
    uint64_t errors = clean_ ? run_cleaned(options, dedup_options, dedup, ids)
                             : run_direct(options, dedup_options, dedup, ids);
    std::vector<uint32_t> groups = dedup.groups();
    write_assignment(ids, groups, "group");
    return exit_status(ids.size(), errors);
  }

 private:
  // --clean: the whole clean stage (without language detection, which dedup does not use).
  uint64_t run_cleaned(pipeline::Options options, const dedup::Options& dedup_options,
                       dedup::Deduplicator& dedup, std::vector<std::string>& ids) {
    options.detect_language = false;
    ThreadPool pool(options.threads);
    std::vector<Article> batch;
    auto flush = [&] {
      std::vector<dedup::Signature> sigs(batch.size());
      pool.parallel_for(batch.size(), [&](size_t i) {
        sigs[i] = dedup::compute_signature(batch[i].text, dedup_options);
      });
      for (size_t i = 0; i < batch.size(); ++i) {
        dedup.add(sigs[i]);
        ids.push_back(std::move(batch[i].id));
      }
      batch.clear();
    };
    uint64_t errors = stream_articles(args_, options, "dedup", [&](Article&& a) {
      batch.push_back(std::move(a));
      if (batch.size() >= kCleanBatch) flush();
    });
    flush();
    return errors;
  }

  // Default: ingest -> signature, batches signed in parallel while the reader reads on.
  uint64_t run_direct(const pipeline::Options& options, const dedup::Options& dedup_options,
                      dedup::Deduplicator& dedup, std::vector<std::string>& ids) {
    ThreadPool pool(options.threads);
    ProgressLine progress_line("dedup", args_.quiet, "grouped");
    ProblemReporter reporter;
    pipeline::Progress progress;  // bytes: reader only; the rest under report_mu
    std::mutex report_mu;
    std::atomic<uint64_t> added{0};
    std::atomic<uint64_t> read_count{0};  // articles read (for blocks: once parsed)
    auto report = [&](Problem&& p) {
      std::lock_guard<std::mutex> lock(report_mu);
      ++progress.problems;
      progress_line.clear();
      reporter.report(p);
    };
    auto show_progress = [&] {
      std::lock_guard<std::mutex> lock(report_mu);
      progress.articles = added.load(std::memory_order_relaxed);
      progress.read = read_count.load(std::memory_order_relaxed);
      progress_line.update(progress);
    };

    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::unique_ptr<Batch>> queue;  // in input order; the front is added next
    size_t unclaimed = 0;
    bool reading_done = false;
    bool aborted = false;  // the reading task failed: the other tasks stop too
    bool adding = false;   // one thread at a time adds, whichever finds signed batches first
    const size_t max_unclaimed = pool.size() > 1 ? kBatchesPerThread * pool.size() : 0;

    auto sign = [&](Batch& b) {
      try {
        if (!b.block.bytes.empty()) {
          ingest::read_block(
              b.block, options.ingest, [&](RawArticle&& raw) { b.raws.push_back(std::move(raw)); },
              [&](Problem&& p) { b.problems.push_back(std::move(p)); });
          b.block.bytes.clear();
        }
        b.sigs.resize(b.raws.size());  // a reused batch keeps its signatures' buffers
        b.failure.resize(b.raws.size());
      } catch (const std::exception& e) {
        // The batch cannot be read at all (out of memory): one error for it, nothing added. A
        // batch must still end signed, or the threads waiting for it would wait forever.
        std::string where = !b.block.bytes.empty() ? b.block.name + ": lines after " +
                                                         std::to_string(b.block.lines_before)
                                                   : "dedup batch";
        b.problems.push_back(
            Problem{where, "dedup", std::string("internal error: ") + e.what(), Severity::kError});
        b.block.bytes.clear();
        b.raws.clear();
        b.sigs.clear();
        b.failure.clear();
        return;
      }
      for (size_t i = 0; i < b.raws.size(); ++i) {
        RawArticle& raw = b.raws[i];
        b.body_bytes += raw.body.size();
        try {
          if (!raw.is_html) {
            dedup::compute_signature(raw.body, dedup_options, &b.sigs[i]);
          } else {
            Article a = clean::prepare(raw);
            if (options.remove_boilerplate) clean::strip_boilerplate(a, options.boilerplate);
            dedup::compute_signature(a.text, dedup_options, &b.sigs[i]);
          }
        } catch (const std::exception& e) {
          b.failure[i] = e.what();
        }
        // Only the id is needed from here on; the rest is freed here, on the thread that parsed
        // it (JSONL). Memory one thread allocates and another frees takes the first thread's
        // malloc arena lock (glibc): with articles and signatures freed by the adding thread,
        // a 200k-article run at -j 2 made 6-7k context switches waiting for it; now ~300.
        RawArticle done = std::move(raw);  // takes the buffers (assigning would keep them)
        raw = RawArticle{};
        raw.id = std::move(done.id);
      }
    };
    // The oldest batch in the queue for which `is` holds, or null. Caller holds `lock`.
    auto oldest = [&](auto is) -> Batch* {
      for (auto& q : queue) {
        if (is(*q)) return q.get();
      }
      return nullptr;
    };
    // Claims the oldest unclaimed batch and signs it; false when there is none. Caller holds
    // `lock`, which is released while signing.
    auto sign_one = [&](std::unique_lock<std::mutex>& lock) {
      Batch* b = oldest([](const Batch& q) { return !q.claimed; });
      if (b == nullptr) return false;
      b->claimed = true;
      --unclaimed;
      lock.unlock();
      sign(*b);
      lock.lock();
      b->is_signed = true;
      cv.notify_all();
      return true;
    };
    // The index's arrays grow by doubling, and each doubling writes fresh memory the kernel must
    // zero (page faults were a sixth of a run). Before the first article is added, the input size
    // and that batch's article size give an estimate of the article count, reserved with a
    // margin: an underestimate costs a late doubling (a copy and twice the memory), while
    // reserved-but-unused room in the append-only arrays is never touched; never more than one
    // article per 512 input bytes (an unrepresentative first batch must not make the index huge).
    const uint64_t expected_bytes = ingest::expected_bytes(args_.inputs);
    bool reserved = false;  // touched only by the adding thread
    auto reserve_from = [&](const Batch& b) {
      reserved = true;
      const uint64_t bytes = b.body_bytes;
      if (expected_bytes == 0 || bytes == 0) return;
      double per_article = static_cast<double>(bytes) / static_cast<double>(b.raws.size());
      double estimate =
          std::min(kEstimateMargin * static_cast<double>(expected_bytes) / per_article,
                   static_cast<double>(expected_bytes) / 512.0);
      dedup.reserve(static_cast<size_t>(estimate));
    };
    // Decided batches, reused by the reader so that their signatures and candidate lists keep
    // their buffers (allocating them anew per batch, and freeing them on another thread, was
    // ~8% of the CPU at 200k documents, and the threads then waited for each other's malloc).
    std::vector<std::unique_ptr<Batch>> spare;
    std::exception_ptr verify_error;  // a verification failed (out of memory): rethrown at the end
    size_t verify_jobs = 0;           // filed batches not yet claimed for verification
    size_t filed_unverified = 0;      // filed batches not yet verified (claimed or not)
    // Verification of a filed batch: any thread, beside the filing of later batches (it reads
    // only stored signatures). Claims the oldest filed, unclaimed batch; false when there is
    // none. Caller holds `lock`, which is released while verifying.
    auto verify_one = [&](std::unique_lock<std::mutex>& lock) {
      if (verify_jobs == 0) return false;
      Batch* b = oldest([](const Batch& q) { return q.filed && !q.verify_claimed; });
      if (b == nullptr) return false;
      b->verify_claimed = true;
      --verify_jobs;
      lock.unlock();
      try {
        for (dedup::Pending& p : b->pending) dedup.verify(&p);
      } catch (...) {  // out of memory: the run stops (after the threads), nothing is written
        lock.lock();
        if (!verify_error) verify_error = std::current_exception();
        lock.unlock();
      }
      lock.lock();
      b->verified = true;
      --filed_unverified;
      cv.notify_all();
      return true;
    };
    // The serial part, one thread at a time (whichever finds work for it first): decides the
    // front batch once verified, files the next signed batch in input order, and when neither
    // can proceed verifies a filed batch itself. Caller holds `lock`.
    auto add_ready = [&](std::unique_lock<std::mutex>& lock) {
      if (adding) return;
      adding = true;
      for (;;) {
        if (!queue.empty() && queue.front()->verified) {
          std::unique_ptr<Batch> b = std::move(queue.front());
          queue.pop_front();
          lock.unlock();
          for (Problem& p : b->problems) report(std::move(p));
          if (b->parsed) read_count.fetch_add(b->raws.size(), std::memory_order_relaxed);
          size_t k = 0;
          for (size_t i = 0; i < b->raws.size(); ++i) {
            if (!b->failure[i].empty()) {
              report(Problem{b->raws[i].id, "dedup", "internal error: " + b->failure[i],
                             Severity::kError});
              continue;
            }
            dedup.decide(&b->pending[k++]);
            ids.push_back(std::move(b->raws[i].id));
          }
          added.fetch_add(b->raws.size(), std::memory_order_relaxed);
          b->reset();
          lock.lock();
          spare.push_back(std::move(b));
          continue;
        }
        // Batches are filed in queue order: the next is the oldest one not filed.
        Batch* next = oldest([](const Batch& q) { return !q.filed; });
        // Filing may move the stored signatures when the reserve runs out; then it waits until
        // no filed batch is left to verify.
        if (next != nullptr && next->is_signed &&
            (filed_unverified == 0 || (reserved && dedup.room() >= next->raws.size()))) {
          lock.unlock();
          if (!reserved && !next->raws.empty()) reserve_from(*next);  // only the adding thread
          next->pending.resize(next->raws.size());
          size_t k = 0;
          for (size_t i = 0; i < next->raws.size(); ++i) {
            if (next->failure[i].empty()) dedup.file(next->sigs[i], &next->pending[k++]);
          }
          next->pending.resize(k);
          lock.lock();
          next->filed = true;
          ++verify_jobs;
          ++filed_unverified;
          cv.notify_all();
          continue;
        }
        if (verify_one(lock)) continue;
        break;
      }
      adding = false;
      cv.notify_all();
    };

    std::unique_ptr<Batch> current = std::make_unique<Batch>();
    auto submit = [&] {
      if (current->raws.empty() && current->problems.empty() && current->block.bytes.empty())
        return;
      std::unique_lock<std::mutex> lock(mu);
      queue.push_back(std::move(current));
      ++unclaimed;
      cv.notify_all();
      if (spare.empty()) {
        current = std::make_unique<Batch>();
        current->raws.reserve(kBatch);
      } else {
        current = std::move(spare.back());
        spare.pop_back();
      }
      add_ready(lock);
      while (unclaimed > max_unclaimed && (verify_one(lock) || sign_one(lock))) add_ready(lock);
      lock.unlock();
      show_progress();
    };
    current->raws.reserve(kBatch);

    pool.parallel_for(pool.size(), [&](size_t task) {
      if (task != 0) {
        std::unique_lock<std::mutex> lock(mu);
        for (;;) {
          // Until the queue is empty: batches read last still become verification jobs.
          cv.wait(lock, [&] {
            return aborted || verify_jobs > 0 || unclaimed > 0 || (reading_done && queue.empty());
          });
          if (aborted) return;
          if (verify_one(lock) || sign_one(lock)) {
            add_ready(lock);
          } else if (reading_done && queue.empty()) {
            return;
          }
        }
      }
      try {
        // Problems of the reader travel in the batches too, so that every problem is reported
        // in input order, also those found when a block is parsed on another thread.
        auto on_raw = [&](RawArticle&& raw) {
          read_count.fetch_add(1, std::memory_order_relaxed);
          progress.bytes += raw.body.size();
          current->raws.push_back(std::move(raw));
          if (current->raws.size() >= kBatch) submit();
        };
        auto on_problem = [&](Problem&& p) { current->problems.push_back(std::move(p)); };
        if (pool.size() == 1) {
          ingest::read_inputs(args_.inputs, options.ingest, on_raw, on_problem);
        } else {
          ingest::read_inputs_in_blocks(
              args_.inputs, options.ingest, on_raw,
              [&](ingest::JsonlBlock& block) {
                submit();  // what came before the block goes first
                progress.bytes += block.bytes.size();
                // The reader gets the batch's old buffer back: decoding allocates nothing, and
                // the blocks are freed by no thread but the one that made them.
                std::swap(current->block, block);
                current->parsed = true;
                submit();
              },
              on_problem, kBlockBytes);
        }
        submit();
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        reading_done = true;
        aborted = true;
        cv.notify_all();
        throw;
      }
      std::unique_lock<std::mutex> lock(mu);
      reading_done = true;
      cv.notify_all();
      for (;;) {
        add_ready(lock);
        if (queue.empty() && !adding) break;
        if (!verify_one(lock) && !sign_one(lock)) cv.wait(lock);
      }
    });
    if (verify_error) std::rethrow_exception(verify_error);
    show_progress();
    progress_line.finish();
    return reporter.errors();
  }

  CLI::App* app_ = nullptr;
  InputArgs args_;
  double threshold_ = 0.4;
  bool clean_ = false;
};

}  // namespace

std::unique_ptr<Command> make_dedup(CLI::App& parent) {
  return std::make_unique<DedupCommand>(parent);
}

}  // namespace crosscheck::cli
