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

void write_story_summary_fields(JsonWriter& w, const store::StorySummary& s) {
  w.key("id").value(std::to_string(s.id));
  w.key("title").string_or_null(s.title);
  w.key("size").value(s.size);
  w.key("outlets").string_array(s.outlets);
  w.key("first_seen").string_or_null(s.first_seen);
  w.key("last_seen").string_or_null(s.last_seen);
}

void write_problem(JsonWriter& w, const Problem& p) {
  w.begin_object();
  w.key("id").value(p.id);
  w.key("stage").value(p.stage);
  w.key("severity").value(severity_name(p.severity));
  w.key("message").value(p.message);
  w.end_object();
}

namespace {

void write_span(JsonWriter& w, const char* key, const Span& span) {
  w.key(key).begin_object().key("start").value(uint64_t{span.start});
  w.key("end").value(uint64_t{span.end}).end_object();
}

void write_evidence(JsonWriter& w, const Evidence& e) {
  w.begin_object().key("article").value(e.article);
  w.key("start").value(uint64_t{e.span.start}).key("end").value(uint64_t{e.span.end});
  w.end_object();
}

void write_reuse(JsonWriter& w, const ReuseFinding& r) {
  w.begin_object();
  w.key("source").value(r.source);
  w.key("derived").value(r.derived);
  w.key("kind").value(r.kind);
  w.key("coverage").value(r.coverage);
  w.key("direction_confidence").value(r.direction_confidence);
  auto write_passages = [&](const char* key, const std::vector<ReusePassage>& passages) {
    w.key(key).begin_array();
    for (const ReusePassage& p : passages) {
      w.begin_object();
      write_span(w, "source_span", p.source_span);
      write_span(w, "derived_span", p.derived_span);
      w.key("similarity").value(p.similarity);
      w.end_object();
    }
    w.end_array();
  };
  write_passages("passages", r.passages);
  write_passages("verbatim", r.verbatim);
  w.key("changes").begin_array();
  for (const Change& c : r.changes) {
    w.begin_object();
    w.key("kind").value(c.kind);
    w.key("source_value").value(c.source_value);
    w.key("derived_value").value(c.derived_value);
    write_span(w, "source_span", c.source_span);
    write_span(w, "derived_span", c.derived_span);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_dossier_fields(JsonWriter& w, const Dossier& d) {
  w.key("reuse").begin_array();
  for (const ReuseFinding& r : d.reuse) write_reuse(w, r);
  w.end_array();
  w.key("entities").begin_array();
  for (const entities::StoryEntity& e : d.entities) {
    w.begin_object();
    w.key("id").value(e.id);
    w.key("type").value(e.type);
    w.key("name").value(e.name);
    w.key("aliases").string_array(e.aliases);
    w.key("roles").string_array(e.roles);
    w.key("mentions").begin_array();
    for (const entities::EntityMention& m : e.mentions) {
      w.begin_object().key("article").value(m.article);
      w.key("start").value(uint64_t{m.span.start}).key("end").value(uint64_t{m.span.end});
      w.key("text").value(m.text).end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("quotes").begin_array();
  for (const StoryQuote& q : d.quotes) {
    w.begin_object();
    w.key("speaker").string_or_null(q.speaker);
    w.key("speaker_name").string_or_null(q.speaker_name);
    w.key("text").value(q.text);
    w.key("instances").begin_array();
    for (const StoryQuote::Instance& in : q.instances) {
      w.begin_object().key("article").value(in.article);
      w.key("start").value(uint64_t{in.span.start}).key("end").value(uint64_t{in.span.end});
      w.key("text").value(in.text);
      w.key("cue").string_or_null(in.cue);
      w.key("speaker").string_or_null(in.speaker);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("claims").begin_array();
  for (const Claim& c : d.claims) {
    w.begin_object();
    w.key("text").value(c.text);
    w.key("articles").string_array(c.articles);
    w.key("independent_sources").value(uint64_t{c.independent_sources});
    w.key("evidence").begin_array();
    for (const Evidence& e : c.evidence) write_evidence(w, e);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("discrepancies").begin_array();
  for (const Discrepancy& disc : d.discrepancies) {
    w.begin_object();
    w.key("about").value(disc.about);
    w.key("values").begin_array();
    for (const Discrepancy::Value& v : disc.values) {
      w.begin_object();
      w.key("value").value(v.value);
      w.key("articles").string_array(v.articles);
      w.key("evidence").begin_array();
      for (const TextEvidence& e : v.evidence) {
        w.begin_object().key("article").value(e.evidence.article);
        w.key("start").value(uint64_t{e.evidence.span.start});
        w.key("end").value(uint64_t{e.evidence.span.end});
        w.key("text").value(e.text).end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("facts").begin_array();
  for (const FactMention& f : d.facts) {
    w.begin_object();
    w.key("article").value(f.article);
    w.key("kind").value(f.kind);
    w.key("value").value(f.value);
    w.key("unit").string_or_null(f.unit);
    w.key("text").value(f.text);
    w.key("start").value(uint64_t{f.span.start}).key("end").value(uint64_t{f.span.end});
    w.end_object();
  }
  w.end_array();
  w.key("summary").begin_array();
  for (const SummarySentence& s : d.summary) {
    w.begin_object();
    w.key("text").value(s.text);
    w.key("independent_sources").value(uint64_t{s.independent_sources});
    w.key("evidence").begin_array();
    for (const Evidence& e : s.evidence) write_evidence(w, e);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void write_story(JsonWriter& w, const Story& s, const Dossier* dossier) {
  w.begin_object();
  w.key("id").value(s.id);
  w.key("title").string_or_null(s.title);
  w.key("articles").string_array(s.articles);
  if (dossier) write_dossier_fields(w, *dossier);
  w.end_object();
}

void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Problem>& problems, int indent) {
  write_analysis(out, articles, {}, problems, indent);
}

void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Story>& stories, const std::vector<Problem>& problems,
                    int indent) {
  write_analysis(out, articles, stories, {}, problems, indent);
}

void write_analysis(std::string& out, const std::vector<Article>& articles,
                    const std::vector<Story>& stories, const std::vector<Dossier>& dossiers,
                    const std::vector<Problem>& problems, int indent) {
  JsonWriter w(out, indent);
  w.begin_object();
  w.key("schema").value(kAnalysisSchema);
  w.key("articles").begin_array();
  for (const Article& a : articles) write_article(w, a);
  w.end_array();
  w.key("stories").begin_array();
  for (size_t i = 0; i < stories.size(); ++i)
    write_story(w, stories[i], i < dossiers.size() ? &dossiers[i] : nullptr);
  w.end_array();
  w.key("problems").begin_array();
  for (const Problem& p : problems) write_problem(w, p);
  w.end_array();
  w.end_object();
  out.push_back('\n');
}

}  // namespace crosscheck::report
