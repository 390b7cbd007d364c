// The behaviour of `crosscheck serve`, without sockets: a request (method, decoded path, decoded
// parameters) in, a response (status, type, body) out. Routing is by path segments; every id in a
// path is data looked up in the store, never a file name, so no path reaches the file system.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "crosscheck/analysis_json.h"
#include "crosscheck/html_report.h"
#include "crosscheck/json_writer.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/server.h"
#include "crosscheck/utf8.h"
#include "src/core/fnv.h"
#include "src/server/search.h"
#include "src/server/store_pool.h"
#include "src/server/story_cache.h"

namespace crosscheck::server {

struct Api::State {
  State(std::string path, const ApiOptions& o, const entities::Tagger* t)
      : options(o), tagger(t), pool(std::move(path), std::max<size_t>(1, o.connections)),
        cache(o.cached_stories) {}
  ApiOptions options;
  const entities::Tagger* tagger;
  StorePool pool;
  StoryCache cache;

  // What the store looked like when something was derived from it: the generation moves on
  // whenever any connection sees a commit it had not seen (or is new), so anything derived under
  // an older generation may be stale. A spurious move only costs a recomputation.
  std::mutex generation_mutex;
  std::unordered_map<const store::Store*, int64_t> seen_versions;
  uint64_t generation = 0;
  // All stories' summaries (largest first), derived under `stories_generation`.
  std::shared_ptr<const std::vector<store::StorySummary>> stories;
  uint64_t stories_generation = 0;

  uint64_t observe(store::Store& s) {
    int64_t version = 0;
    bool known = static_cast<bool>(s.change_counter(&version));
    std::lock_guard<std::mutex> lock(generation_mutex);
    auto [it, inserted] = seen_versions.try_emplace(&s, version);
    if (!known || inserted || it->second != version) {
      it->second = version;
      ++generation;
    }
    return generation;
  }

  // The summaries of all stories, from memory while the store has not changed.
  Status all_stories(store::Store& s, std::shared_ptr<const std::vector<store::StorySummary>>* out) {
    uint64_t now = observe(s);
    {
      std::lock_guard<std::mutex> lock(generation_mutex);
      if (stories && stories_generation == now) {
        *out = stories;
        return Status::ok();
      }
    }
    auto fresh = std::make_shared<std::vector<store::StorySummary>>();
    if (Status st = s.stories(fresh.get()); !st) return st;
    std::lock_guard<std::mutex> lock(generation_mutex);
    if (now >= stories_generation) {
      stories = fresh;
      stories_generation = now;
    }
    *out = std::move(fresh);
    return Status::ok();
  }
};

namespace {

// A response carrying {"error": {"status", "message"}}.
Response error(int status, std::string_view message) { return error_response(status, message); }

Response json(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

Response html(std::string body) {
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

// The path split at '/', without empty segments ("/api/stories/" = {"api", "stories"}).
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < path.size()) {
    size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > at) out.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  return out;
}

bool parse_int(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The query parameters of a list route, checked.
struct ListParams {
  std::string q, outlet, entity;
  size_t page = 1;
  size_t per_page = 50;
};

// Fills `out` from the request or returns the 400 response that says what is wrong.
bool read_list_params(const Request& request, const ApiOptions& options, ListParams* out,
                      Response* bad) {
  static const std::set<std::string, std::less<>> kKnown = {"q", "outlet", "entity", "page",
                                                            "per_page"};
  out->per_page = options.default_per_page;
  std::set<std::string, std::less<>> seen;
  for (const auto& [name, value] : request.params) {
    if (!kKnown.count(name)) {
      *bad = error(400, "unknown parameter '" + name +
                            "' (known: q, outlet, entity, page, per_page)");
      return false;
    }
    if (!seen.insert(name).second) {
      *bad = error(400, "parameter '" + name + "' given more than once");
      return false;
    }
    if (!utf8::is_valid(value)) {
      *bad = error(400, "parameter '" + name + "' is not valid UTF-8");
      return false;
    }
    if (name == "page" || name == "per_page") {
      int64_t n = 0;
      int64_t most = name == "page" ? int64_t{1} << 40 : static_cast<int64_t>(options.max_per_page);
      if (!parse_int(value, &n) || n < 1 || n > most) {
        *bad = error(400, "parameter '" + name + "' must be a whole number from 1 to " +
                              std::to_string(most));
        return false;
      }
      (name == "page" ? out->page : out->per_page) = static_cast<size_t>(n);
      continue;
    }
    if (value.size() > options.max_filter_bytes) {
      *bad = error(400, "parameter '" + name + "' is longer than " +
                            std::to_string(options.max_filter_bytes) + " bytes");
      return false;
    }
    (name == "q" ? out->q : name == "outlet" ? out->outlet : out->entity) = value;
  }
  return true;
}

bool no_params(const Request& request, Response* bad) {
  if (request.params.empty()) return true;
  *bad = error(400, "this resource takes no parameters (got '" + request.params.begin()->first +
                        "')");
  return false;
}

void write_summary(JsonWriter& w, const store::StorySummary& s) {
  w.begin_object();
  report::write_story_summary_fields(w, s);
  w.key("url").value("/stories/" + std::to_string(s.id));
  w.end_object();
}

// The page header fields shared by the list routes.
void write_page(JsonWriter& w, const ListParams& p, uint64_t total) {
  w.key("page").value(uint64_t{p.page});
  w.key("per_page").value(uint64_t{p.per_page});
  w.key("total").value(total);
  w.key("pages").value(total == 0 ? uint64_t{0} : (total + p.per_page - 1) / p.per_page);
}

// Up to ~80 bytes of context each side of a match, cut at UTF-8 character starts.
std::string snippet(std::string_view text, const Match& m) {
  size_t begin = m.begin > 80 ? m.begin - 80 : 0;
  size_t end = std::min(text.size(), m.end + 80);
  while (begin > 0 && !utf8::is_lead(text[begin])) --begin;
  while (end < text.size() && !utf8::is_lead(text[end])) ++end;
  std::string out;
  if (begin > 0) out += "\u2026";
  out.append(text.substr(begin, end - begin));
  if (end < text.size()) out += "\u2026";
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

}  // namespace

Api::Api(std::string db_path, const ApiOptions& options, const entities::Tagger* tagger)
    : state_(std::make_unique<State>(std::move(db_path), options, tagger)) {}

Api::~Api() = default;

Status Api::check() {
  StorePool::Lease store;
  return state_->pool.acquire(&store);
}

namespace {

// Every route below takes the state and the request and answers; store errors are 500s naming
// the store's message (a damaged file, an unreadable row).
struct Routes {
  Api::State& state;  // NOLINT: the Api's own state, for this request
  const Request& request;

  Response stories_page() {
    Response bad;
    if (!no_params(request, &bad)) return bad;
    std::string page;
    if (Status s = report::write_stories_page(page); !s) return error(500, s.message());
    return html(std::move(page));
  }

  // The analysis JSON of one story, from the cache or made now; `status` 404 when unknown.
  Response story_analysis(std::string_view id_text, std::shared_ptr<const std::string>* out,
                          std::string* title) {
    int64_t id = 0;
    if (!parse_int(id_text, &id))
      return error(400, "story id must be a number, as listed by /api/stories");
    bool found = false;
    store::StorySummary summary;
    std::vector<store::StoredArticle> rows;
    {
      // The connection goes back to the pool before the analysis, which may take seconds (or
      // wait for another request's): requests for other routes must not queue behind it.
      StorePool::Lease store;
      if (Status s = state.pool.acquire(&store); !s) return error(500, s.message());
      if (Status s = store->story(id, &found, &summary, &rows); !s) return error(500, s.message());
    }
    if (!found) return error(404, "no story " + std::to_string(id));
    *title = summary.title;
    uint64_t fingerprint = kFnvOffset;
    for (const store::StoredArticle& r : rows) {
      const uint64_t parts[2] = {static_cast<uint64_t>(r.seq), r.content_hash};
      fingerprint = fnv1a(std::string_view(reinterpret_cast<const char*>(parts), sizeof parts),
                          fingerprint);
    }
    *out = state.cache.get_or_make(id, fingerprint, [&] {
      std::vector<Article> articles;
      Story story = store::to_story(summary, std::move(rows), &articles);
      ThreadPool pool(1);
      std::vector<Problem> problems;
      Dossier dossier =
          pipeline::analyze_one_story(articles, story, pool, &problems, state.tagger);
      auto made = std::make_shared<std::string>();
      report::write_analysis(*made, articles, {story}, {dossier}, problems, 0);
      return std::shared_ptr<const std::string>(std::move(made));
    });
    return Response{};
  }

  // The story as analysis JSON (`as_page` false) or as its report page.
  Response story(std::string_view id, bool as_page) {
    Response bad;
    if (!no_params(request, &bad)) return bad;
    std::shared_ptr<const std::string> analysis;
    std::string title;
    Response r = story_analysis(id, &analysis, &title);
    if (r.status != 200) return r;
    if (!as_page) return json(*analysis);
    report::HtmlReportOptions options;
    options.served = true;
    options.stories_url = "/";
    options.story_id = std::string(id);
    std::string page;
    if (Status s = report::write_html_report(page, *analysis, title, options); !s)
      return error(500, s.message());
    return html(std::move(page));
  }

  Response stories_list() {
    ListParams p;
    Response bad;
    if (!read_list_params(request, state.options, &p, &bad)) return bad;
    StorePool::Lease store;
    if (Status s = state.pool.acquire(&store); !s) return error(500, s.message());
    std::shared_ptr<const std::vector<store::StorySummary>> everything;
    if (Status s = state.all_stories(*store, &everything); !s)
      return error(500, s.message());
    std::vector<const store::StorySummary*> all;
    all.reserve(everything->size());
    for (const store::StorySummary& x : *everything) all.push_back(&x);
    TextQuery text(p.q);
    NameQuery name(p.entity);
    if (!text.empty() || !name.empty() || !p.outlet.empty()) {
      std::unordered_set<int64_t> keep;
      Status s = store->scan_current(p.outlet, [&](const store::StoredArticle& a) {
        if (!keep.count(a.story) && text.matches(a.article) && name.matches(a.article))
          keep.insert(a.story);
        return true;
      });
      if (!s) return error(500, s.message());
      all.erase(std::remove_if(all.begin(), all.end(),
                               [&](const store::StorySummary* x) { return !keep.count(x->id); }),
                all.end());
    }
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    write_page(w, p, all.size());
    w.key("stories").begin_array();
    size_t first = (p.page - 1) * p.per_page;
    for (size_t i = first; i < all.size() && i < first + p.per_page; ++i) write_summary(w, *all[i]);
    w.end_array().end_object();
    return json(std::move(out));
  }

  Response search() {
    ListParams p;
    Response bad;
    if (!read_list_params(request, state.options, &p, &bad)) return bad;
    if (p.q.empty() && p.entity.empty() && p.outlet.empty())
      return error(400, "search needs at least one of q, entity, outlet");
    StorePool::Lease store;
    if (Status s = state.pool.acquire(&store); !s) return error(500, s.message());
    TextQuery text(p.q);
    NameQuery name(p.entity);
    uint64_t total = 0;
    size_t first = (p.page - 1) * p.per_page;
    struct Hit {
      store::StoredArticle row;
      Match match;
    };
    std::vector<Hit> hits;
    Status s = store->scan_current(p.outlet, [&](const store::StoredArticle& row) {
      const Article& a = row.article;
      if (!text.matches(a) || !name.matches(a)) return true;
      ++total;
      if (total <= first || total > first + p.per_page) return true;
      // The evidence: the first match in the body (the name first, it is the rarer), else the
      // body's start (the match was in the title).
      Match m = name.empty() ? text.find(a.text) : name.find(a.text);
      if (!m.found) m = Match{true, 0, 0};
      hits.push_back(Hit{row, m});
      return true;
    });
    if (!s) return error(500, s.message());
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    write_page(w, p, total);
    w.key("articles").begin_array();
    for (const Hit& hit : hits) {
      const Article& a = hit.row.article;
      std::string_view body(a.text);
      w.begin_object();
      w.key("id").value(a.id);
      w.key("title").string_or_null(a.title);
      w.key("source").value(a.source);
      w.key("published").string_or_null(a.published);
      w.key("story").value(std::to_string(hit.row.story));
      w.key("version").value(uint64_t{hit.row.version});
      w.key("match").begin_object();
      w.key("start").value(uint64_t{utf8::count(body.substr(0, hit.match.begin))});
      w.key("end").value(uint64_t{utf8::count(body.substr(0, hit.match.end))});
      w.end_object();
      w.key("snippet").value(snippet(body, hit.match));
      w.end_object();
    }
    w.end_array().end_object();
    return json(std::move(out));
  }

  Response article(std::string_view id) {
    Response bad;
    if (!no_params(request, &bad)) return bad;
    if (!utf8::is_valid(id)) return error(400, "article id is not valid UTF-8");
    StorePool::Lease store;
    if (Status s = state.pool.acquire(&store); !s) return error(500, s.message());
    bool found = false;
    store::StoredArticle row;
    if (Status s = store->article(std::string(id), &found, &row); !s)
      return error(500, s.message());
    if (!found) return error(404, "no article " + std::string(id));
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    w.key("story").value(std::to_string(row.story));
    w.key("story_url").value("/stories/" + std::to_string(row.story));
    w.key("version").value(uint64_t{row.version});
    w.key("article");
    report::write_article(w, row.article);
    w.end_object();
    return json(std::move(out));
  }

  Response health() {
    Response bad;
    if (!no_params(request, &bad)) return bad;
    StorePool::Lease store;
    if (Status s = state.pool.acquire(&store); !s) return error(500, s.message());
    uint64_t current = 0, versions = 0;
    if (Status s = store->counts(&current, &versions); !s) return error(500, s.message());
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    w.key("status").value("ok");
    w.key("articles").value(current);
    w.key("versions").value(versions);
    w.end_object();
    return json(std::move(out));
  }
};

}  // namespace

Response Api::handle(const Request& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = error(405, "method " + request.method + " not allowed: this API is read-only");
    return r;
  }
  if (!utf8::is_valid(request.path)) return error(400, "the path is not valid UTF-8");
  try {
    Routes routes{*state_, request};
    std::vector<std::string_view> parts = segments(request.path);
    if (parts.empty()) return routes.stories_page();
    if (parts.size() == 2 && parts[0] == "stories") return routes.story(parts[1], true);
    if (parts[0] == "api") {
      if (parts.size() == 2 && parts[1] == "stories") return routes.stories_list();
      if (parts.size() == 3 && parts[1] == "stories") return routes.story(parts[2], false);
      if (parts.size() == 2 && parts[1] == "search") return routes.search();
      if (parts.size() == 2 && parts[1] == "health") return routes.health();
      // Article ids may hold slashes (WARC record ids, "<file>:<line>" ids of paths): the id is
      // everything after the route's prefix.
      constexpr std::string_view kArticles = "/api/articles/";
      if (parts.size() >= 3 && parts[1] == "articles" &&
          request.path.compare(0, kArticles.size(), kArticles) == 0)
        return routes.article(std::string_view(request.path).substr(kArticles.size()));
    }
    return error(404, "no such resource: " + request.path +
                          " (see /api/stories, /api/search, /api/articles/{id})");
  } catch (const std::exception& e) {
    return error(500, std::string("internal error: ") + e.what());
  }
}

Response error_response(int status, std::string_view message) {
  Response r;
  r.status = status;
  JsonWriter w(r.body, 0);
  w.begin_object().key("error").begin_object();
  w.key("status").value(status).key("message").value(message);
  w.end_object().end_object();
  return r;
}

}  // namespace crosscheck::server
