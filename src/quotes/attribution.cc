// Attribution: finding the cue and the speaker's words next to a quotation.
//
// The idea. News writing attributes a quotation with a handful of patterns, all built around a
// reporting verb (the cue) next to the quotation marks:
//   after the quote     "…," Smith said.   "…," said Smith.   "…," Smith, the minister of …, said.
//                       "…," the spokesman told reporters.    "…," according to Smith.
//   before the quote    Smith said: "…"    Smith said that "…"    Smith told NBC, "…"
//                       According to Smith, "…"    Smith …, adding, "…" (the clause's subject)
//   introduction        Smith continued:¶"…"  (a colon ends the sentence or paragraph before)
//   label               Smith: "…"  (headlines)
// The cue is a word of the reporting-verb lexicon (every inflection, src/quotes/lexicon.cc) that is
// not preceded by a determiner ("the report", "a statement" are nouns), optionally extended by its
// addressee ("told reporters", "told NBC") and a setting ("in a statement", "on Twitter"). The
// speaker's words are parsed around the cue with a few token rules, no parser:
//   * before the verb (`Smith said`), walking back over adverbs and auxiliaries ("also", "has"),
//     over an appositive between commas or a parenthesis ("Smith, 45, said", "Durbin (D-Ill.)
//     said"), to a name run, a pronoun, or a description reaching back to its determiner ("the
//     former secretary of state"); a name keeps its pre-modifiers ("former adviser David Axelrod");
//   * after the verb (`said Smith`, `according to Smith`), forward the same way;
//   * for a participle after a comma (", saying", ", adding") and for coordinated verbs ("and
//     added"), the subject of the clause: the subject of an earlier cue, else its first name or
//     pronoun after a leading prepositional phrase.
// After the quote the pattern must start right after the closing mark (a comma or dash may sit
// between): anything else means the sentence goes on about something other than the quotation.
// Before a full quotation the cue must be close to the opening mark (at most four words between,
// as in "told the crowd on Saturday:"); a partial quotation takes the sentence's cue wherever it
// is. A sentence boundary, a semicolon, a paragraph break or another quotation ends the search.
//
// Cost: each quotation looks at a bounded window of tokens on either side (QuoteOptions'
// max_tail_tokens, max_head_tokens), so attribution is linear in the text.
//
// Reference: the attribution patterns follow the analysis of reported speech in news by Pareti
// (PARC corpus, 2012) and the rule-based quote extractors of Pouliquen et al. (2007) and
// Krestel et al. (2008): a quotation mark, a reporting verb and a named entity in fixed order.
#include "src/quotes/attribution.h"

#include <algorithm>
#include <string_view>

#include "src/quotes/lexicon.h"

namespace crosscheck::quotes {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_dash_text(std::string_view t) {
  return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "\xE2\x80\x95";
}

bool is_demonstrative(std::string_view w) {
  return w == "that" || w == "this" || w == "these" || w == "those";
}

bool is_object_pronoun(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "me" || w == "us" || w == "you" ||
         w == "it";
}

}  // namespace

Attributor::Attributor(const TokenContext& ctx, NameIndex& names, const QuoteOptions& options)
    : ctx_(ctx), names_(names), options_(options) {}

bool Attributor::cue_at(uint32_t i, uint32_t* end) const {
  const size_t n = ctx_.size();
  if (i >= n || !ctx_.is_word(i) || ctx_.quote_at(i) >= 0) return false;
  std::string_view w = ctx_.lower(i);
  const bool same_para_prev = i > 0 && ctx_.paragraph(i - 1) == ctx_.paragraph(i);
  if (ctx_.capitalised(i)) {
    // A capitalised cue only opens a sentence ("According to Smith, ..."); elsewhere it is a name.
    if (same_para_prev && !ctx_.sentence_end(i - 1) && ctx_.quote_at(i - 1) < 0) return false;
  }
  if (same_para_prev && ctx_.is_word(i - 1)) {
    // "the report", "a statement", "his answer", "Trump's call": nouns, not cues.
    if (ctx_.flags(i - 1) & kDeterminer) return false;
    if (ends_with(ctx_.lower(i - 1), "'s")) return false;
  }
  std::string_view particle = cue_particle(w);
  if (!particle.empty()) {
    if (i + 1 < n && ctx_.lower(i + 1) == particle && ctx_.quote_at(i + 1) < 0) {
      *end = i + 2;
      return true;
    }
    return false;
  }
  if (!(ctx_.flags(i) & kReportingVerb)) return false;
  *end = i + 1;
  return true;
}

uint32_t Attributor::extend_cue(uint32_t verb, uint32_t end, uint32_t limit) const {
  const uint32_t para = ctx_.paragraph(verb);
  auto ok = [&](uint32_t k) {
    return k < limit && k < ctx_.size() && ctx_.paragraph(k) == para && ctx_.quote_at(k) < 0;
  };
  uint32_t e = end;
  if ((ctx_.flags(verb) & kTakesObject) && ok(e) && ctx_.is_word(e) && ctx_.lower(e) != "that") {
    int32_t r = names_.starting_at(e);
    if (r >= 0 && !names_.runs()[r].bare_title()) {
      e = std::min(names_.runs()[r].end, limit);
    } else if (is_object_pronoun(ctx_.lower(e))) {
      e = e + 1;
    } else if (ctx_.flags(e) & kDeterminer) {
      uint32_t k = e + 1;
      while (ok(k) && ctx_.is_word(k) && k < e + 5 &&
             !(ctx_.flags(k) & (kPreposition | kClauseWord | kReportingVerb)))
        ++k;
      if (k > e + 1) e = k;
    } else if (!ctx_.capitalised(e) && !(ctx_.flags(e) & (kPreposition | kClauseWord | kBetween |
                                                          kReportingVerb | kTime))) {
      e = e + 1;  // "told reporters"
    }
  }
  // "in a statement", "on Twitter", "in an interview with CNN", "during a rally"
  if (ok(e) && ctx_.is_word(e) && (ctx_.flags(e) & kInterview) && ok(e + 1) &&
      ctx_.is_word(e + 1) && !(ctx_.flags(e + 1) & kTime)) {
    uint32_t k = e + 1;
    if (ctx_.flags(k) & kDeterminer) ++k;
    uint32_t m = k;
    while (ok(m) && ctx_.is_word(m) && m < k + 4 &&
           !(ctx_.flags(m) & (kPreposition | kClauseWord | kReportingVerb | kTime)))
      ++m;
    if (m > k) {
      e = m;
      if (ok(e) && ctx_.lower(e) == "with" && ok(e + 1)) {
        int32_t r = names_.starting_at(e + 1);
        if (r >= 0) e = std::min(names_.runs()[r].end, limit);
      }
    }
  }
  return e;
}

Attribution Attributor::cue_after(uint32_t verb, uint32_t cue_end, uint32_t limit,
                                  const SourceMention& source) const {
  const uint32_t e = extend_cue(verb, cue_end, limit);
  return {.where = Placement::kAfter, .cue_begin = verb, .cue_end = e, .source = source, .end = e};
}

bool Attributor::light_gap(uint32_t begin, uint32_t end) const {
  if (end < begin || end - begin > options_.max_cue_gap) return false;
  uint32_t words = 0;
  for (uint32_t k = begin; k < end; ++k) {
    if (ctx_.quote_at(k) >= 0) return false;
    if (ctx_.token(k).kind == TokenKind::kWord || ctx_.token(k).kind == TokenKind::kNumber) ++words;
  }
  return words <= 4;
}

SourceMention Attributor::name_mention(int32_t run, uint32_t limit) const {
  const NameRun& r = names_.runs()[run];
  SourceMention m;
  m.kind = r.bare_title() ? MentionKind::kNominal : MentionKind::kName;
  m.run = r.bare_title() ? -1 : run;
  m.begin = r.begin;
  m.end = r.end;
  if (r.bare_title()) {
    auto roles = NameIndex::title_roles(ctx_.text(r.begin));
    if (!roles.empty()) m.role = std::string(roles.front());
  }
  // Pre-modifiers: "former Obama adviser David Axelrod", "Clinton campaign chairman John Podesta".
  uint32_t k = m.begin;
  for (int steps = 0; k > limit && steps < 6; ++steps) {
    uint32_t p = k - 1;
    if (!ctx_.is_word(p) || ctx_.paragraph(p) != ctx_.paragraph(m.begin) || ctx_.quote_at(p) >= 0)
      break;
    uint32_t f = ctx_.flags(p);
    if (f & kDeterminer) {
      k = p;
      break;
    }
    if (f & (kPreposition | kClauseWord | kReportingVerb | kPronoun | kBetween)) break;
    if (ctx_.capitalised(p) && (f & kStopCap)) break;
    k = p;
  }
  if (k < m.begin) {
    uint32_t before = r.begin - 1;
    if (!r.bare_title() && ctx_.is_word(before) && !ctx_.capitalised(before) &&
        !(ctx_.flags(before) & kDeterminer))
      names_.add_role(run, ctx_.lower(before));
    m.begin = k;
  }
  return m;
}

SourceMention Attributor::nominal_before(uint32_t head_end, uint32_t limit) const {
  SourceMention m;
  const uint32_t head = head_end - 1;
  const uint32_t para = ctx_.paragraph(head);
  uint32_t k = head;
  bool determined = false;
  for (int steps = 0; k > limit && steps < 8; ++steps) {
    uint32_t p = k - 1;
    if (ctx_.paragraph(p) != para || ctx_.quote_at(p) >= 0) break;
    if (!ctx_.is_word(p)) {
      if (ctx_.token(p).kind == TokenKind::kNumber || ctx_.is_punct(p, '-')) {
        k = p;  // "the 43-year-old"
        continue;
      }
      break;
    }
    uint32_t f = ctx_.flags(p);
    std::string_view w = ctx_.lower(p);
    if ((f & kDeterminer) || ends_with(w, "'s")) {
      k = p;
      determined = true;
      break;
    }
    // "the Vermont senator and Democratic presidential candidate": "and" inside a description.
    if (w == "and" && k > limit + 1) {
      k = p;
      continue;
    }
    if (f & (kClauseWord | kReportingVerb | kPronoun | kBetween)) break;
    if ((f & kPreposition) && w != "of" && w != "for") break;
    if (ctx_.capitalised(p) && (f & kStopCap)) break;
    k = p;
  }
  if (!determined) {
    // A bare plural: "officials said", "Republican leaders say". At most three words.
    k = head;
    for (uint32_t t = k; t < head_end; ++t) {
      if (ctx_.lower(t) == "and") return {};
    }
    while (k > limit && k + 3 > head + 1 && ctx_.is_word(k - 1) && ctx_.paragraph(k - 1) == para &&
           ctx_.quote_at(k - 1) < 0 &&
           !(ctx_.flags(k - 1) & (kPreposition | kClauseWord | kBetween | kReportingVerb |
                                  kPronoun | kDeterminer | kStopCap)))
      --k;
  }
  m.kind = MentionKind::kNominal;
  m.begin = k;
  m.end = head_end;
  m.role = std::string(ctx_.lower(description_head(k, head_end)));
  return m;
}

uint32_t Attributor::description_head(uint32_t begin, uint32_t end) const {
  for (uint32_t t = begin + 1; t < end; ++t) {
    std::string_view w = ctx_.lower(t);
    if (w == "of" || w == "for") return t - 1;
  }
  return end - 1;
}

SourceMention Attributor::subject_before(uint32_t cue, uint32_t limit) const {
  SourceMention none;
  if (cue <= limit) return none;
  const uint32_t para = ctx_.paragraph(cue);
  auto usable = [&](uint32_t p) {
    return p >= limit && ctx_.paragraph(p) == para && ctx_.quote_at(p) < 0;
  };
  uint32_t j = cue;
  // A passive ("the plan was called a “disaster”", "reporters were told") has no speaker before
  // its verb.
  if (cue > limit && usable(cue - 1) && ctx_.is_word(cue - 1)) {
    std::string_view be = ctx_.lower(cue - 1);
    std::string_view verb = ctx_.lower(cue);
    if ((be == "was" || be == "were" || be == "is" || be == "are" || be == "been" ||
         be == "being" || be == "be") &&
        (ends_with(verb, "ed") || verb == "told" || verb == "said" || verb == "written"))
      return none;
  }
  // Adverbs and auxiliaries: "Smith also said", "Smith has repeatedly said".
  while (j > limit && usable(j - 1) && ctx_.is_word(j - 1) && !ctx_.capitalised(j - 1) &&
         ((ctx_.flags(j - 1) & kBetween) ||
          (ends_with(ctx_.lower(j - 1), "ly") && ctx_.lower(j - 1).size() > 4)))
    --j;
  // A relative clause: "an official who spoke on condition of anonymity said".
  for (uint32_t k = j; k > limit && j - k < 12; --k) {
    uint32_t q = k - 1;
    if (!usable(q) || ctx_.is_punct(q, ',') || ctx_.sentence_end(q)) break;
    if (ctx_.is_word(q) && ctx_.lower(q) == "who") {
      j = q;
      break;
    }
  }
  std::string appositive_role;
  for (int hop = 0; hop < 3 && j > limit; ++hop) {
    uint32_t p = j - 1;
    if (!usable(p)) return none;
    if (ctx_.is_punct(p, ')')) {
      uint32_t k = p;
      while (k > limit && p - k < 16 && usable(k - 1) && !ctx_.is_punct(k - 1, '(')) --k;
      if (k <= limit || !ctx_.is_punct(k - 1, '(')) return none;
      j = k - 1;
      continue;
    }
    if (ctx_.is_punct(p, ',')) {
      // An appositive between commas: "Smith, the minister of defence, said".
      // The appositive may hold a quotation: `wearing “Ted Cruz” campaign pins,`.
      uint32_t k = p;
      while (k > limit && p - k < 26 && ctx_.paragraph(k - 1) == para &&
             !ctx_.is_punct(k - 1, ',') && !ctx_.sentence_end(k - 1))
        --k;
      if (k <= limit || !ctx_.is_punct(k - 1, ',')) return none;
      // "The council leader, Tomas Varga, said": a name in apposition to a description.
      int32_t named = names_.starting_at(k);
      if (named >= 0 && names_.runs()[named].end == p && names_.runs()[named].person &&
          !names_.runs()[named].possessive && !names_.runs()[named].bare_title()) {
        if (k >= 2 && ctx_.is_word(k - 2) && !ctx_.capitalised(k - 2))
          names_.add_role(named, ctx_.lower(k - 2));
        return name_mention(named, k);
      }
      if (ctx_.flags(k) & kDeterminer) {
        std::string_view head;
        for (uint32_t t = k + 1; t < p; ++t) {
          if (!ctx_.is_word(t) || (ctx_.flags(t) & (kPreposition | kClauseWord))) break;
          if (!ctx_.capitalised(t)) head = ctx_.lower(t);
        }
        appositive_role = std::string(head);
      }
      j = k - 1;
      continue;
    }
    break;
  }
  if (j <= limit) return none;
  const uint32_t p = j - 1;
  if (!usable(p) || !ctx_.is_word(p)) return none;
  int32_t r = names_.ending_at(j);
  if (r >= 0 && !names_.runs()[r].possessive) {
    SourceMention m = name_mention(r, limit);
    // "a spokesman for Bernie Sanders", "Mr. Morgan of the Sierra Club": the name is inside a
    // prepositional phrase; the speaker is the noun or name before it.
    if (m.begin > limit + 1 && usable(m.begin - 1) && ctx_.is_word(m.begin - 1)) {
      std::string_view prep = ctx_.lower(m.begin - 1);
      if (prep == "of" || prep == "for" || prep == "at" || prep == "from" || prep == "with") {
        const uint32_t q = m.begin - 2;
        int32_t owner = names_.ending_at(q + 1);
        if (owner >= 0 && !names_.runs()[owner].possessive && !names_.runs()[owner].bare_title()) {
          SourceMention o = name_mention(owner, limit);
          o.end = m.end;
          return o;
        }
        if (usable(q) && ctx_.is_word(q) && !ctx_.capitalised(q) &&
            !(ctx_.flags(q) & (kClauseWord | kPreposition | kDeterminer | kPronoun))) {
          SourceMention o = nominal_before(q + 1, limit);
          o.end = m.end;
          return o;
        }
      }
    }
    if (!appositive_role.empty()) names_.add_role(r, appositive_role);
    return m;
  }
  if (ctx_.flags(p) & kPronoun) {
    SourceMention m;
    m.kind = MentionKind::kPronoun;
    m.begin = p;
    m.end = j;
    return m;
  }
  if (ctx_.capitalised(p) || (ctx_.flags(p) & (kClauseWord | kPreposition | kDeterminer | kTime)))
    return none;
  // A reporting verb after a determiner is a noun: "The email said", "the report stated".
  if ((ctx_.flags(p) & kReportingVerb) &&
      !(p > limit && usable(p - 1) && ctx_.is_word(p - 1) && (ctx_.flags(p - 1) & kDeterminer)))
    return none;
  return nominal_before(j, limit);
}

SourceMention Attributor::subject_after(uint32_t from, uint32_t limit) const {
  SourceMention none;
  if (from >= limit || from >= ctx_.size()) return none;
  const uint32_t para = ctx_.paragraph(from > 0 ? from - 1 : from);
  auto usable = [&](uint32_t k) {
    return k < limit && k < ctx_.size() && ctx_.paragraph(k) == para && ctx_.quote_at(k) < 0;
  };
  if (!usable(from)) return none;
  int32_t r = names_.starting_at(from);
  if (r >= 0 && !names_.runs()[r].possessive) {
    const NameRun& run = names_.runs()[r];
    SourceMention m;
    m.kind = run.bare_title() ? MentionKind::kNominal : MentionKind::kName;
    m.run = run.bare_title() ? -1 : r;
    m.begin = run.begin;
    m.end = std::min(run.end, limit);
    if (run.bare_title()) {
      auto roles = NameIndex::title_roles(ctx_.text(run.begin));
      if (!roles.empty()) m.role = std::string(roles.front());
    }
    return m;
  }
  const uint32_t f = ctx_.is_word(from) ? ctx_.flags(from) : 0;
  if (f & kPronoun) {
    SourceMention m;
    m.kind = MentionKind::kPronoun;
    m.begin = from;
    m.end = from + 1;
    return m;
  }
  if (ctx_.is_word(from) && (((f & kDeterminer) && !is_demonstrative(ctx_.lower(from))) ||
                             ends_with(ctx_.lower(from), "'s"))) {
    uint32_t e = from + 1;
    while (usable(e) && e < from + 9) {
      if (!ctx_.is_word(e)) {
        // "the 46-year-old": numbers and hyphens inside a description.
        if (ctx_.token(e).kind == TokenKind::kNumber || ctx_.is_punct(e, '-')) {
          ++e;
          continue;
        }
        break;
      }
      uint32_t g = ctx_.flags(e);
      std::string_view w = ctx_.lower(e);
      if (g & (kClauseWord | kReportingVerb)) break;
      if ((g & kPreposition) && w != "of" && w != "for") break;
      ++e;
    }
    if (e == from + 1) return none;
    SourceMention m;
    m.kind = MentionKind::kNominal;
    m.begin = from;
    m.end = e;
    m.role = std::string(ctx_.lower(description_head(from, e)));
    // "said a spokeswoman for the campaign, Jane Doe"
    if (usable(e) && ctx_.is_punct(e, ',') && usable(e + 1)) {
      int32_t named = names_.starting_at(e + 1);
      if (named >= 0 && names_.runs()[named].person && !names_.runs()[named].bare_title()) {
        names_.add_role(named, m.role);
        SourceMention n;
        n.kind = MentionKind::kName;
        n.run = named;
        n.begin = names_.runs()[named].begin;
        n.end = std::min(names_.runs()[named].end, limit);
        return n;
      }
    }
    return m;
  }
  // A name after a few modifiers: "said former Gov. Jeb Bush", "said 9/11 widow Terry Strada".
  for (uint32_t k = from; k < from + 5 && usable(k); ++k) {
    int32_t named = names_.starting_at(k);
    if (named >= 0 && k > from) {
      const NameRun& run = names_.runs()[named];
      if (run.possessive || run.bare_title()) return none;
      SourceMention m;
      m.kind = MentionKind::kName;
      m.run = named;
      m.begin = from;
      m.end = std::min(run.end, limit);
      return m;
    }
    if (ctx_.is_word(k)) {
      if (ctx_.capitalised(k) ||
          (ctx_.flags(k) & (kReportingVerb | kClauseWord | kPreposition | kPronoun)))
        return none;
    } else if (ctx_.token(k).kind != TokenKind::kNumber && ctx_.text(k) != "/") {
      return none;
    }
  }
  return none;
}

SourceMention Attributor::region_subject(uint32_t begin, uint32_t cue) const {
  // Everything between the closing mark and the cue is the subject with its appositives:
  // "Mr. Morgan of the Sierra Club", "a narrator in the Clinton ad", "Scott Pruitt, the attorney
  // general of Oklahoma, one of the states suing the EPA,". The subject is the first part (up to
  // a comma or bracket); a description followed by a name in apposition yields the name.
  SourceMention none;
  if (cue <= begin || cue - begin > 30) return none;
  uint32_t e = cue;
  while (e > begin && ctx_.is_word(e - 1) && !ctx_.capitalised(e - 1) &&
         (ctx_.flags(e - 1) & kBetween))
    --e;
  if (e == begin) return none;
  uint32_t c1 = begin;
  while (c1 < e && !ctx_.is_punct(c1, ',') && !ctx_.is_punct(c1, '(')) ++c1;
  if (c1 - begin > 12) return none;
  for (uint32_t k = begin; k < c1; ++k) {
    if (ctx_.quote_at(k) >= 0 || ctx_.sentence_end(k)) return none;
    if (ctx_.is_word(k) && (ctx_.flags(k) & (kReportingVerb | kClauseWord)) &&
        !(ctx_.flags(k) & kPreposition))
      return none;
    if (ctx_.is_word(k) && is_demonstrative(ctx_.lower(k))) return none;
  }
  for (uint32_t k = c1; k < e; ++k)
    if (ctx_.sentence_end(k)) return none;
  int32_t r = names_.starting_at(begin);
  if (r < 0 || names_.runs()[r].possessive || names_.runs()[r].bare_title()) {
    // "former George W. Bush speechwriter Noam Neusner", "an angry Hollande": the name that
    // ends the part.
    r = names_.ending_at(c1);
  }
  if (r >= 0 && !names_.runs()[r].possessive && !names_.runs()[r].bare_title()) {
    SourceMention m;
    m.kind = MentionKind::kName;
    m.run = r;
    m.begin = begin;
    m.end = c1;
    return m;
  }
  if (ctx_.is_word(begin) && (ctx_.flags(begin) & kDeterminer)) {
    // The head is the last word before the first preposition.
    std::string_view head;
    for (uint32_t k = begin + 1; k < c1; ++k) {
      if (!ctx_.is_word(k) || (ctx_.flags(k) & kPreposition)) break;
      head = ctx_.lower(k);
    }
    if (head.empty()) return none;
    if (c1 + 1 < e && ctx_.is_punct(c1, ',')) {
      int32_t named = names_.starting_at(c1 + 1);
      if (named >= 0 && names_.runs()[named].person && !names_.runs()[named].bare_title()) {
        const uint32_t after = names_.runs()[named].end;
        if (after == e || ctx_.is_punct(after, ',')) {
          names_.add_role(named, head);
          SourceMention m;
          m.kind = MentionKind::kName;
          m.run = named;
          m.begin = begin;
          m.end = after;
          return m;
        }
      }
    }
    SourceMention m;
    m.kind = MentionKind::kNominal;
    m.begin = begin;
    m.end = c1;
    m.role = std::string(head);
    return m;
  }
  return none;
}

SourceMention Attributor::clause_subject(uint32_t begin, uint32_t cue) const {
  // A finite cue earlier in the clause: "Smith said …, adding:", "Smith wrote …, saying".
  for (uint32_t j = begin; j < cue; ++j) {
    uint32_t e = 0;
    if (!cue_at(j, &e) || (ctx_.flags(j) & kParticiple)) continue;
    SourceMention m = subject_before(j, begin);
    if (m.kind != MentionKind::kNone) return m;
  }
  // Else the clause's first name or pronoun, after a leading prepositional phrase.
  uint32_t k = begin;
  if (k < cue && ctx_.is_word(k) && (ctx_.flags(k) & (kPreposition | kClauseWord))) {
    uint32_t c = k;
    while (c < cue && !ctx_.is_punct(c, ',')) ++c;
    if (c < cue) k = c + 1;
  }
  // "The spokesman refused to answer …, adding:": a description opening the clause.
  if (k < cue && ctx_.is_word(k) && (ctx_.flags(k) & kDeterminer) &&
      !is_demonstrative(ctx_.lower(k)) && names_.starting_at(k) < 0) {
    SourceMention m = subject_after(k, cue);
    if (m.kind != MentionKind::kNone) return m;
  }
  for (uint32_t j = k; j < cue; ++j) {
    if (ctx_.quote_at(j) >= 0) continue;
    int32_t r = names_.starting_at(j);
    if (r >= 0 && !names_.runs()[r].possessive && !names_.runs()[r].bare_title()) {
      SourceMention m;
      m.kind = MentionKind::kName;
      m.run = r;
      m.begin = names_.runs()[r].begin;
      m.end = names_.runs()[r].end;
      return m;
    }
    if (ctx_.is_word(j) && (ctx_.flags(j) & kPronoun) && ctx_.lower(j) != "it") {
      SourceMention m;
      m.kind = MentionKind::kPronoun;
      m.begin = j;
      m.end = j + 1;
      return m;
    }
  }
  return {};
}

uint32_t Attributor::tail_start(const Segment& s) const {
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  const uint32_t para = ctx_.paragraph(s.close_last);
  uint32_t t = s.close_last + 1;
  while (t < n && ctx_.paragraph(t) == para &&
         (ctx_.is_punct(t, ',') || is_dash_text(ctx_.text(t))))
    ++t;
  if (t >= n || ctx_.paragraph(t) != para || ctx_.quote_at(t) >= 0) return n;
  return t;
}

uint32_t Attributor::tail_stop(uint32_t t) const {
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  const uint32_t limit = std::min<uint32_t>(n, t + options_.max_tail_tokens);
  const uint32_t para = ctx_.paragraph(t);
  uint32_t stop = t;
  while (stop < limit && ctx_.paragraph(stop) == para && ctx_.quote_at(stop) < 0 &&
         !ctx_.sentence_end(stop) && !ctx_.is_punct(stop, ';'))
    ++stop;
  return stop;
}

Attribution Attributor::after(const Segment& s) const {
  Attribution none;
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  const uint32_t c = s.close_last;
  const uint32_t para = ctx_.paragraph(c);
  // "“…” ― Sonya Herridge": a dash, then a name that closes the sentence or the paragraph.
  if (c + 2 < n && ctx_.paragraph(c + 1) == para && is_dash_text(ctx_.text(c + 1))) {
    uint32_t e = c + 1;
    while (e < n && ctx_.paragraph(e) == para && is_dash_text(ctx_.text(e))) ++e;
    int32_t r = e < n && ctx_.paragraph(e) == para ? names_.starting_at(e) : -1;
    if (r >= 0 && !names_.runs()[r].bare_title() && !names_.runs()[r].possessive) {
      const uint32_t after_run = names_.runs()[r].end;
      if (after_run >= n || ctx_.paragraph(after_run) != para || ctx_.sentence_end(after_run) ||
          ctx_.is_punct(after_run, ',') || ctx_.quote_at(after_run) >= 0) {
        Attribution a;
        a.where = Placement::kLabel;
        a.cue_begin = c + 1;
        a.cue_end = e;
        a.source.kind = MentionKind::kName;
        a.source.run = r;
        a.source.begin = names_.runs()[r].begin;
        a.source.end = after_run;
        a.end = after_run;
        return a;
      }
    }
  }
  const uint32_t t = tail_start(s);
  if (t >= n) return none;
  const uint32_t stop = tail_stop(t);
  uint32_t ce = 0;
  if (cue_at(t, &ce)) {
    // ", adding that …": the quote's attribution is elsewhere.
    if (ctx_.flags(t) & kParticiple) return none;
    // Inverted: `"…," said Smith` / `"…," according to Smith`.
    SourceMention m = subject_after(ce, stop);
    if (m.kind == MentionKind::kNone) return none;
    return {.where = Placement::kAfter, .cue_begin = t, .cue_end = ce, .source = m, .end = m.end};
  }
  for (uint32_t k = t + 1; k < stop; ++k) {
    if (!cue_at(k, &ce)) continue;
    SourceMention m = subject_before(k, t);
    // The pattern starts right after the quote: "…," Smith said — not "…" is what Smith said.
    if (m.kind == MentionKind::kNone || m.begin != t) m = region_subject(t, k);
    if (m.kind == MentionKind::kNone) return none;
    return cue_after(k, ce, stop, m);
  }
  return none;
}

Attribution Attributor::later_in_sentence(const Segment& s) const {
  const uint32_t n = static_cast<uint32_t>(ctx_.size());
  const uint32_t t = tail_start(s);
  if (t >= n) return {};
  const uint32_t stop = tail_stop(t);
  uint32_t ce = 0;
  for (uint32_t k = t; k < stop; ++k) {
    if (!cue_at(k, &ce) || (ctx_.flags(k) & kParticiple)) continue;
    SourceMention m = subject_before(k, t);
    if (m.kind == MentionKind::kNone) return {};
    return cue_after(k, ce, stop, m);
  }
  return {};
}

Attribution Attributor::in_region(uint32_t begin, uint32_t end, bool partial,
                                  Placement where) const {
  Attribution none;
  if (end <= begin) return none;
  uint32_t j = end, ce = 0;
  bool found = false;
  while (j > begin) {
    --j;
    if (cue_at(j, &ce)) {
      found = true;
      break;
    }
  }
  if (!found) {
    // "Smith: “…”", "A lesson from Loretta Lynch: ‘…’" — a name right before a colon.
    if (end - begin >= 2 && ctx_.is_punct(end - 1, ':')) {
      int32_t r = names_.ending_at(end - 1);
      if (r >= 0 && !names_.runs()[r].possessive && !names_.runs()[r].bare_title()) {
        return {.where = Placement::kLabel,
                .cue_begin = end - 1,
                .cue_end = end - 1,
                .source = name_mention(r, begin),
                .end = end};
      }
    }
    return none;
  }
  const uint32_t cue_end = extend_cue(j, ce, end);
  if (!partial && !light_gap(cue_end, end)) return none;
  SourceMention m;
  if (ctx_.lower(j) == "according") {
    m = subject_after(ce, end);
  } else if ((ctx_.flags(j) & kParticiple) && j > begin && ctx_.is_punct(j - 1, ',')) {
    m = clause_subject(sentence_begin(begin), j);
  } else {
    m = subject_before(j, begin);
    if (m.kind == MentionKind::kNone && j == begin) m = subject_after(ce, end);  // "Said Ellis:"
    if (m.kind == MentionKind::kNone) m = clause_subject(sentence_begin(begin), j);
  }
  return {.where = where, .cue_begin = j, .cue_end = cue_end, .source = m, .end = end};
}

uint32_t Attributor::sentence_begin(uint32_t k) const {
  // Back over earlier quotations of the same sentence: `Trump told Newsmax that Romney “…,”
  // adding, “…”` — the subject of "adding" is before the first quote.
  const uint32_t para = k < ctx_.size() ? ctx_.paragraph(k) : 0;
  uint32_t steps = 0;
  while (k > 0 && ctx_.paragraph(k - 1) == para && steps < 2 * options_.max_head_tokens) {
    uint32_t j = k - 1;
    if (ctx_.quote_at(j) < 0 && (ctx_.sentence_end(j) || ctx_.is_punct(j, ';'))) break;
    k = j;
    ++steps;
  }
  return k;
}

uint32_t Attributor::head_begin(uint32_t anchor) const {
  const uint32_t para = ctx_.paragraph(anchor);
  uint32_t k = anchor;
  while (k > 0 && ctx_.paragraph(k - 1) == para && anchor - (k - 1) <= options_.max_head_tokens) {
    uint32_t j = k - 1;
    if (ctx_.quote_at(j) >= 0 || ctx_.sentence_end(j) || ctx_.is_punct(j, ';')) break;
    k = j;
  }
  return k;
}

Attribution Attributor::before(const Segment& s, bool partial) const {
  const uint32_t o = s.open_first;
  if (o == 0) return {};
  return in_region(head_begin(o), o, partial, Placement::kBefore);
}

Attribution Attributor::introduction(const Segment& s) const {
  const uint32_t o = s.open_first;
  if (o == 0 || !ctx_.is_punct(o - 1, ':')) return {};
  const uint32_t colon = o - 1;
  return in_region(head_begin(colon), colon + 1, false, Placement::kIntroduction);
}

}  // namespace crosscheck::quotes
