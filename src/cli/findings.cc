#include "src/cli/findings.h"

#include <cstdio>
#include <set>
#include <string>

namespace crosscheck::cli {
namespace {

std::string shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace

// Per story with findings: who copied whom and what changed, the most corroborated claims, and
// where independent outlets disagree.
void print_findings(const Story& story, const Dossier& d) {
  if (d.reuse.empty() && d.claims.empty() && d.discrepancies.empty() && d.entities.empty() &&
      d.quotes.empty())
    return;
  std::set<std::string> origins;
  for (const auto& o : d.origins) origins.insert(o.begin(), o.end());
  std::printf("\nstory %s: %s (%zu articles, %zu independent origins)\n", story.id.c_str(),
              story.title.c_str(), story.articles.size(), origins.size());
  for (const ReuseFinding& r : d.reuse) {
    std::printf("  %s <- %s: %s, %.0f%% of it reused, direction confidence %.2f\n",
                r.derived.c_str(), r.source.c_str(), r.kind.c_str(), 100 * r.coverage,
                r.direction_confidence);
    for (const Change& c : r.changes)
      std::printf("      changed %s: \"%s\" -> \"%s\"\n", c.kind.c_str(),
                  c.source_value.c_str(), c.derived_value.c_str());
  }
  size_t people = 0;
  for (const entities::StoryEntity& e : d.entities) {
    if (people++ == 8) break;
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    std::printf("  %s %s, %zu mentions%s%s%s\n", e.type.c_str(), e.name.c_str(), e.mentions.size(),
                aliases.empty() ? "" : " (also: ", shorten(aliases, 80).c_str(),
                aliases.empty() ? "" : ")");
  }
  size_t quoted = 0;
  for (const StoryQuote& q : d.quotes) {
    std::set<std::string> in;
    for (const StoryQuote::Instance& i : q.instances) in.insert(i.article);
    if (in.size() < 2 || quoted++ == 5) continue;
    std::printf("  quote, %zu articles, %s: %s\n", in.size(),
                q.speaker_name.empty() ? "speaker unknown" : q.speaker_name.c_str(),
                shorten(q.text, 100).c_str());
  }
  size_t shown = 0;
  for (const Claim& c : d.claims) {
    if (shown++ == 5) break;
    std::printf("  claim, %u independent / %zu articles: %s\n", c.independent_sources,
                c.articles.size(), shorten(c.text, 110).c_str());
  }
  for (const Discrepancy& disc : d.discrepancies) {
    std::printf("  disagree on %s:", disc.about.c_str());
    for (const Discrepancy::Value& v : disc.values) {
      std::string ids;
      for (const std::string& id : v.articles) ids += (ids.empty() ? "" : ", ") + id;
      std::printf(" \"%s\" (%s)", v.value.c_str(), ids.c_str());
    }
    std::printf("\n");
  }
}

}  // namespace crosscheck::cli
