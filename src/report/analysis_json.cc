#include "crosscheck/analysis_json.h"

namespace crosscheck::report {

void write_article(JsonWriter& w, const Article& a) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("source").string_or_null(a.source);
  w.key("url").string_or_null(a.url);
  w.key("title").string_or_null(a.title);
  w.key("published").string_or_null(a.published);
  w.key("language").string_or_null(a.language);
  w.key("text").value(a.text);
  w.key("removed").begin_array();
  for (const Removed& r : a.removed) {
    w.begin_object().key("kind").value(r.kind).key("text").value(r.text).end_object();
  }
  w.end_array();
  w.key("authors").string_array(a.authors);
  w.key("credits").string_array(a.credits);
  w.key("duplicate_of").string_or_null(a.duplicate_of);
  w.end_object();
}

void write_problem(JsonWriter& w, const Problem& p) {
  w.begin_object();
  w.key("id").value(p.id);
  w.key("stage").value(p.stage);
  w.key("severity").value(severity_name(p.severity));
  w.key("message").value(p.message);
  w.end_object();
}

void write_story(JsonWriter& w, const Story& s) {
  w.begin_object();
  w.key("id").value(s.id);
  w.key("title").string_or_null(s.title);
  w.key("articles").string_array(s.articles);
  w.end_object();
}

void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Problem>& problems, int indent) {
  write_analysis(out, articles, {}, problems, indent);
}

void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Story>& stories, const std::vector<Problem>& problems,
                    int indent) {
  JsonWriter w(out, indent);
  w.begin_object();
  w.key("schema").value(kAnalysisSchema);
  w.key("articles").begin_array();
  for (const Article& a : articles) write_article(w, a);
  w.end_array();
  w.key("stories").begin_array();
  for (const Story& s : stories) write_story(w, s);
  w.end_array();
  w.key("problems").begin_array();
  for (const Problem& p : problems) write_problem(w, p);
  w.end_array();
  w.end_object();
  out.push_back('\n');
}

}  // namespace crosscheck::report
