// Names without a tagger: a run of capitalised words.
//
// The idea. A name is a run of capitalised words that may hold initials ("J."), lower-case
// particles between capitalised words ("Charles de Gaulle", "Ludwig van Beethoven"), hyphenated
// parts (kept in one token by the tokenizer) and a suffix ("Jr."), optionally after titles
// ("Sen.", "Vice President", "Secretary of State"). Capitalised function words ("The", "But",
// "He") never start or continue a run. A run looks like a person when a person's title precedes
// it, or when it has two or more words and none of them is an organisation word ("Party",
// "News", "Committee") or an acronym ("CNN"); a one-word run ("Trump") is a person when a
// person-like run of the article ends with the same word. Runs sharing a full name, and one-word
// runs matching the last word of a full name mentioned before (else after), form one entity whose
// display name is the fullest form ("Trump" -> "Donald J. Trump").
//
// Gender comes from titles ("Mr.", "Mrs."), else from a common given name ("Maria"), else from
// the article itself: after a person is named outside a quotation, the first third-person
// pronoun before anyone else is named ("Clinton noted …, her support …") votes for the person's
// gender; the majority decides.
//
// Roles feed the resolution of descriptions ("the spokesman said"): the title's role ("Sen." ->
// senator), a lower-case noun right before the name ("campaign spokesman Brian Fallon"), or the
// head of an appositive ("Smith, a spokesman for the campaign,"; "the campaign's spokesman, Brian
// Fallon,").
//
// Cost: one pass over the tokens, then work per run; no dictionary beyond the small lexicon.
#include "src/quotes/names.h"

#include <algorithm>
#include <unordered_map>

#include "src/quotes/lexicon.h"

namespace crosscheck::quotes {
namespace {

bool is_acronym(std::string_view w) {
  if (w.size() < 2) return false;
  size_t upper = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2 && w != "II" && w != "III" && w != "IV";
}

bool is_place_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "new",   "north",  "south",   "east",     "west",     "united",  "san",    "los",   "las",
      "fort",  "saint",  "st",      "lake",     "mount",    "port",    "grand",  "great", "upper",
      "lower", "middle", "central", "northern", "southern", "eastern", "western"};
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return false;
}

std::string_view strip_possessive(std::string_view w) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
  return w;
}

// A lower-case word that can be a role noun before a name or at the head of an appositive.
bool role_word(const TokenContext& ctx, size_t i) {
  if (!ctx.is_word(i) || ctx.capitalised(i)) return false;
  uint32_t f = ctx.flags(i);
  if (f & (kDeterminer | kPreposition | kClauseWord | kBetween | kPronoun | kReportingVerb))
    return false;
  std::string_view w = ctx.lower(i);
  return w.size() > 2;
}

}  // namespace

std::vector<std::string_view> NameIndex::title_roles(std::string_view title) {
  if (title == "Sen" || title == "Senator" || title == "Sens") return {"senator", "lawmaker"};
  if (title == "Rep" || title == "Representative" || title == "Reps" || title == "Congressman" ||
      title == "Congresswoman")
    return {"representative", "congressman", "congresswoman", "lawmaker"};
  std::string_view role = title_role(title);
  if (role.empty() || role == "-") return {};
  return {role};
}

NameIndex::NameIndex(const TokenContext& ctx, const std::vector<NameMention>* mentions)
    : ctx_(ctx) {
  if (mentions)
    from_mentions(*mentions);
  else
    scan_capitalised();
  finish();
  learn_roles();
  learn_gender();
}

int32_t NameIndex::ending_at(uint32_t end) const {
  if (end == 0 || end > by_end_.size()) return -1;
  return by_end_[end - 1];
}

int32_t NameIndex::starting_at(uint32_t begin) const {
  if (begin >= by_begin_.size()) return -1;
  return by_begin_[begin];
}

bool NameIndex::could_be_person(int32_t r) const {
  if (r < 0) return false;
  const NameRun& run = runs_[r];
  if (run.person) return true;
  if (run.bare_title() || run.end != run.name_begin + 1) return false;
  std::string_view w = strip_possessive(ctx_.text(run.name_begin));
  return !is_acronym(w) && !(word_flags(strip_possessive(ctx_.lower(run.name_begin))) & kOrgWord);
}

void NameIndex::add_role(int32_t r, std::string_view role) {
  if (r < 0 || runs_[r].entity < 0 || role.empty() || !(word_flags(role) & kRole)) return;
  auto& roles = entities_[runs_[r].entity].roles;
  if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.emplace_back(role);
}

// Titles (with their periods) directly before token `begin`, walking back: the first title token.
uint32_t NameIndex::titles_before(uint32_t begin) const {
  uint32_t b = begin;
  while (b > 0) {
    uint32_t k = b - 1;
    if (ctx_.is_punct(k, '.') && k > 0 && ctx_.token(k - 1).end == ctx_.token(k).begin) --k;
    if (!ctx_.is_word(k) || !ctx_.capitalised(k) || title_role(ctx_.text(k)).empty()) break;
    if (ctx_.paragraph(k) != ctx_.paragraph(begin)) break;
    b = k;
  }
  return b;
}

void NameIndex::scan_capitalised() {
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  auto adjacent = [&](uint32_t a, uint32_t b) { return ctx_.token(a).end == ctx_.token(b).begin; };
  uint32_t i = 0;
  while (i < n) {
    if (!ctx_.is_word(i) || !ctx_.capitalised(i)) {
      ++i;
      continue;
    }
    const uint32_t start = i;
    const uint32_t para = ctx_.paragraph(i);
    uint32_t j = i;
    bool titled = false;
    // Titles: "Sen.", "Vice President", "Secretary of State".
    while (j < n && ctx_.paragraph(j) == para && ctx_.is_word(j) && ctx_.capitalised(j) &&
           !title_role(ctx_.text(j)).empty()) {
      titled = true;
      ++j;
      if (j < n && ctx_.is_punct(j, '.') && adjacent(j - 1, j)) ++j;
      if (j + 1 < n && ctx_.lower(j) == "of" && ctx_.is_word(j + 1) && ctx_.capitalised(j + 1) &&
          (ctx_.flags(j + 1) & kStopCap) == 0) {
        // "Secretary of State John Kerry": "of State" belongs to the title when a name follows.
        if (j + 2 < n && ctx_.is_word(j + 2) && ctx_.capitalised(j + 2)) j += 2;
      }
    }
    const uint32_t name_begin = j;
    uint32_t k = j;
    uint32_t words = 0;
    bool possessive = false;
    while (k < n && ctx_.paragraph(k) == para) {
      if (ctx_.is_word(k) && ctx_.capitalised(k)) {
        if (ctx_.flags(k) & kStopCap) break;
        // "Said Ellis:", "Continued Stone:": an inflected reporting verb opening a sentence.
        if (words == 0 && (ctx_.flags(k) & kReportingVerb)) {
          std::string_view low = ctx_.lower(k);
          if (low.size() > 3 &&
              (low.substr(low.size() - 2) == "ed" || low.substr(low.size() - 3) == "ing" ||
               low == "said" || low == "says" || low == "told" || low == "wrote"))
            break;
        }
        if (!title_role(ctx_.text(k)).empty() && words > 0 && ctx_.text(k).size() <= 4) break;
        ++words;
        ++k;
        std::string_view low = ctx_.lower(k - 1);
        if (low.size() > 2 && low.substr(low.size() - 2) == "'s") {
          possessive = true;
          break;
        }
        // An initial or a suffix keeps its period: "J.", "Jr."
        if (k < n && ctx_.is_punct(k, '.') && adjacent(k - 1, k) &&
            (ctx_.text(k - 1).size() == 1 || (ctx_.flags(k - 1) & kNameSuffix))) {
          ++k;
        }
        continue;
      }
      if (words > 0 && ctx_.is_word(k) && !ctx_.capitalised(k) && (ctx_.flags(k) & kParticle)) {
        // "de Gaulle", "van der Berg": particles, then a capitalised word.
        uint32_t m = k;
        while (m < n && m < k + 3 && ctx_.is_word(m) && !ctx_.capitalised(m) &&
               (ctx_.flags(m) & kParticle))
          ++m;
        if (m < n && ctx_.is_word(m) && ctx_.capitalised(m) && ctx_.paragraph(m) == para &&
            (ctx_.flags(m) & kStopCap) == 0) {
          k = m;
          continue;
        }
      }
      // ", Jr."
      if (words > 0 && ctx_.is_punct(k, ',') && k + 1 < n && ctx_.is_word(k + 1) &&
          (ctx_.flags(k + 1) & kNameSuffix) && ctx_.capitalised(k + 1)) {
        k += 2;
        if (k < n && ctx_.is_punct(k, '.') && adjacent(k - 1, k)) ++k;
        continue;
      }
      break;
    }
    if (words == 0) {
      if (titled) {
        NameRun r;
        r.begin = start;
        r.end = r.name_begin = name_begin;
        runs_.push_back(r);
      }
      i = std::max(name_begin, start + 1);
      continue;
    }
    NameRun r;
    r.begin = start;
    r.name_begin = name_begin;
    r.end = k;
    r.possessive = possessive;
    runs_.push_back(r);
    i = k;
  }
}

void NameIndex::from_mentions(const std::vector<NameMention>& mentions) {
  std::vector<NameMention> sorted = mentions;
  std::sort(sorted.begin(), sorted.end(), [](const NameMention& a, const NameMention& b) {
    return a.token_begin < b.token_begin;
  });
  uint32_t last_end = 0;
  for (const NameMention& m : sorted) {
    if (m.token_end <= m.token_begin || m.token_end > ctx_.size() || m.token_begin < last_end)
      continue;
    NameRun r;
    r.name_begin = m.token_begin;
    r.begin = std::max(titles_before(m.token_begin), last_end);
    r.end = m.token_end;
    r.person = m.type == "PER";
    std::string_view low = ctx_.lower(r.end - 1);
    r.possessive = low.size() > 2 && low.substr(low.size() - 2) == "'s";
    runs_.push_back(r);
    last_end = r.end;
  }
}

void NameIndex::finish() {
  by_end_.assign(ctx_.size(), -1);
  by_begin_.assign(ctx_.size(), -1);
  // Person-likeness and gender of each run by itself.
  std::vector<uint32_t> word_count(runs_.size(), 0);
  for (size_t r = 0; r < runs_.size(); ++r) {
    NameRun& run = runs_[r];
    by_end_[run.end - 1] = static_cast<int32_t>(r);
    by_begin_[run.begin] = static_cast<int32_t>(r);
    if (run.bare_title()) continue;
    bool titled = false, org = false;
    for (uint32_t t = run.begin; t < run.name_begin; ++t) {
      if (!ctx_.is_word(t)) continue;
      int g = 0;
      if (!title_role(ctx_.text(t), &g).empty()) titled = true;
      if (g != 0) run.gender = g;
    }
    uint32_t words = 0;
    for (uint32_t t = run.name_begin; t < run.end; ++t) {
      if (!ctx_.is_word(t) || !ctx_.capitalised(t)) continue;
      ++words;
      std::string_view low = strip_possessive(ctx_.lower(t));
      if ((word_flags(low) & kOrgWord) || is_acronym(strip_possessive(ctx_.text(t)))) org = true;
      if (t == run.name_begin && words == 1 && is_place_word(low)) org = true;
    }
    word_count[r] = words;
    // A NER type decides when there is one (run.person was set from it); the heuristic otherwise.
    if (!run.person) run.person = !org && (titled || words >= 2);
    if (org) run.person = false;
  }
  // Entities: full names first, then one-word runs join the full name ending with their word.
  auto key_of = [&](const NameRun& run, bool last_only) {
    std::string key;
    for (uint32_t t = run.name_begin; t < run.end; ++t) {
      if (!ctx_.is_word(t) || !ctx_.capitalised(t)) continue;
      if (ctx_.text(t).size() == 1) continue;     // initials do not identify
      if (ctx_.flags(t) & kNameSuffix) continue;  // "Jr.", "III"
      std::string_view low = strip_possessive(ctx_.lower(t));
      if (last_only) key.clear();
      if (!key.empty()) key.push_back(' ');
      key.append(low);
    }
    return key;
  };
  std::unordered_map<std::string, int32_t> full;
  std::unordered_map<std::string, std::vector<int32_t>> by_surname;  // entity ids, in order
  for (size_t r = 0; r < runs_.size(); ++r) {
    NameRun& run = runs_[r];
    if (run.bare_title() || word_count[r] < 2) continue;
    std::string key = key_of(run, false);
    if (key.empty()) continue;
    auto it = full.find(key);
    if (it == full.end()) {
      NameEntity e;
      e.key = key_of(run, true);
      e.name = std::string(strip_possessive(ctx_.span_text(run.name_begin, run.end)));
      e.person = run.person;
      e.gender = run.gender;
      int32_t id = static_cast<int32_t>(entities_.size());
      entities_.push_back(std::move(e));
      it = full.emplace(key, id).first;
      by_surname[entities_[id].key].push_back(id);
    }
    run.entity = it->second;
  }
  // One-word runs, in text order: the full name with that last word mentioned last before the
  // run (else the first one after), agreeing in gender when the run's title tells it.
  std::unordered_map<std::string, std::vector<int32_t>> seen;  // surname -> entities so far
  auto compatible = [&](int32_t id, int gender) {
    return gender == 0 || entities_[id].gender == 0 || entities_[id].gender == gender;
  };
  for (size_t r = 0; r < runs_.size(); ++r) {
    NameRun& run = runs_[r];
    if (run.bare_title()) continue;
    if (run.entity >= 0) {
      if (run.gender != 0 && entities_[run.entity].gender == 0)
        entities_[run.entity].gender = run.gender;
      auto& list = seen[entities_[run.entity].key];
      if (list.empty() || list.back() != run.entity) list.push_back(run.entity);
      continue;
    }
    std::string key = key_of(run, true);
    if (key.empty()) continue;
    int32_t best = -1;
    auto before = seen.find(key);
    if (before != seen.end())
      for (auto it = before->second.rbegin(); it != before->second.rend() && best < 0; ++it)
        if (compatible(*it, run.gender)) best = *it;
    if (best < 0) {
      auto after = by_surname.find(key);
      if (after != by_surname.end())
        for (int32_t id : after->second)
          if (compatible(id, run.gender)) {
            best = id;
            break;
          }
    }
    if (best >= 0) {
      run.entity = best;
      if (entities_[best].person && !run.person) {
        // "Trump" is a person when "Donald Trump" is, unless an organisation word says otherwise.
        std::string_view low = strip_possessive(ctx_.lower(run.name_begin));
        if (!(word_flags(low) & kOrgWord)) run.person = true;
      }
      continue;
    }
    NameEntity e;
    e.key = key;
    e.name = std::string(strip_possessive(ctx_.span_text(run.name_begin, run.end)));
    e.person = run.person;
    e.gender = run.gender;
    run.entity = static_cast<int32_t>(entities_.size());
    entities_.push_back(std::move(e));
    by_surname[key].push_back(run.entity);
    seen[key].push_back(run.entity);
  }
  for (NameRun& run : runs_) {
    if (run.entity < 0) continue;
    NameEntity& e = entities_[run.entity];
    if (run.person) e.person = true;
    if (e.gender == 0 && run.gender != 0) e.gender = run.gender;
  }
  for (NameRun& run : runs_)
    if (run.entity >= 0 && entities_[run.entity].person && !run.person) {
      std::string_view low = strip_possessive(ctx_.lower(run.end - 1));
      if (!(word_flags(low) & kOrgWord)) run.person = true;
    }
}

void NameIndex::learn_roles() {
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  for (size_t r = 0; r < runs_.size(); ++r) {
    const NameRun& run = runs_[r];
    if (run.bare_title() || run.entity < 0) continue;
    int32_t id = static_cast<int32_t>(r);
    for (uint32_t t = run.begin; t < run.name_begin; ++t)
      if (ctx_.is_word(t))
        for (std::string_view role : title_roles(ctx_.text(t))) add_role(id, role);
    // "campaign spokesman Brian Fallon"
    if (run.begin > 0 && role_word(ctx_, run.begin - 1) &&
        ctx_.paragraph(run.begin - 1) == ctx_.paragraph(run.begin))
      add_role(id, ctx_.lower(run.begin - 1));
    // "the campaign's spokesman, Brian Fallon,"
    if (run.begin > 1 && ctx_.is_punct(run.begin - 1, ',') && role_word(ctx_, run.begin - 2)) {
      for (uint32_t k = run.begin - 2; k + 6 > run.begin && k > 0; --k) {
        if (ctx_.flags(k - 1) & kDeterminer) {
          add_role(id, ctx_.lower(run.begin - 2));
          break;
        }
        if (!ctx_.is_word(k - 1)) break;
      }
    }
    // "Smith, a spokesman for the campaign," / "Smith, the minister of defence,"
    if (run.end + 2 < n && ctx_.is_punct(run.end, ',') && (ctx_.flags(run.end + 1) & kDeterminer)) {
      std::string_view head;
      for (uint32_t k = run.end + 2; k < n && k < run.end + 14; ++k) {
        if (!ctx_.is_word(k)) break;
        if (ctx_.flags(k) & (kPreposition | kClauseWord)) break;
        if (role_word(ctx_, k)) head = ctx_.lower(k);
      }
      if (!head.empty()) add_role(id, head);
    }
  }
}

void NameIndex::learn_gender() {
  std::vector<int> votes(entities_.size(), 0);
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  for (size_t r = 0; r < runs_.size(); ++r) {
    const NameRun& run = runs_[r];
    if (!run.person || run.entity < 0 || run.bare_title() || ctx_.quote_at(run.begin) >= 0)
      continue;
    const uint32_t para = ctx_.paragraph(run.begin);
    for (uint32_t k = run.end; k < n && k < run.end + 25 && ctx_.paragraph(k) == para; ++k) {
      if (ctx_.quote_at(k) >= 0) break;
      int32_t other = starting_at(k);
      if (other >= 0 && runs_[other].person && runs_[other].entity != run.entity) break;
      if (!ctx_.is_word(k)) continue;
      std::string_view w = ctx_.lower(k);
      // Object pronouns ("him", "her") mostly refer to someone else: "Smith scolded him".
      int g = (w == "he" || w == "his" || w == "himself")     ? 1
              : (w == "she" || w == "hers" || w == "herself") ? -1
                                                              : 0;
      // "her" counts when it is a possessive ("her campaign"), not an object ("told her that").
      if (w == "her" && k + 1 < n && ctx_.is_word(k + 1) && !ctx_.capitalised(k + 1) &&
          !(ctx_.flags(k + 1) & (kDeterminer | kPreposition | kClauseWord | kPronoun | kBetween)))
        g = -1;
      if (g != 0) {
        votes[run.entity] += g;
        break;
      }
    }
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].gender != 0 || !entities_[e].person) continue;
    // A known given name first, then the article's own pronouns.
    const std::string& name = entities_[e].name;
    std::string first = name.substr(0, name.find(' '));
    for (char& c : first)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    int g = name.find(' ') != std::string::npos ? first_name_gender(first) : 0;
    if (g == 0 && votes[e] != 0) g = votes[e] > 0 ? 1 : -1;
    entities_[e].gender = g;
  }
}

}  // namespace crosscheck::quotes
