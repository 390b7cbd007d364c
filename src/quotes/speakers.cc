// Speaker resolution.
//
// The idea. A name in the pattern is the speaker. A pronoun ("he said") refers to the subject of
// the previous attribution — news keeps quoting the person it just quoted — unless another person
// has since been named in subject position (first in a sentence or clause: "Clinton responded on
// Twitter. “…,” she said."); with no previous attribution it is the last person named outside
// quotations. Gender narrows every choice when it is known: from titles ("Mr.", "Mrs."), or
// learned from an earlier unambiguous "she said". A description ("the spokesman", "the Florida
// senator") refers to the last person the article gave that role or title ("Sen." -> senator);
// when nobody has it, the speaker stays unknown (the description is still reported as the
// quote's source). "it said" refers to the previous non-person speaker ("the Pentagon").
//
// Cost: a backward walk over at most a few hundred name runs per pronoun or description.
//
// Reference: the recency-and-subject preference is the centering intuition (Grosz, Joshi and
// Weinstein 1995) reduced to what a quote attributor needs; Lappin and Leass (1994) weigh the
// same salience factors.
#include "src/quotes/speakers.h"

#include <algorithm>

#include "src/quotes/lexicon.h"

namespace crosscheck::quotes {
namespace {

constexpr int kMaxRunsBack = 400;

}  // namespace

SpeakerResolver::SpeakerResolver(const TokenContext& ctx, const NameIndex& names,
                                 const QuoteOptions& options)
    : ctx_(ctx), names_(names), options_(options), learned_gender_(names.entities().size(), 0) {}

int SpeakerResolver::gender_of(int32_t run) const {
  const NameRun& r = names_.runs()[run];
  if (r.entity < 0) return r.gender;
  int g = names_.entities()[r.entity].gender;
  return g != 0 ? g : learned_gender_[r.entity];
}

bool SpeakerResolver::subject_position(int32_t run) const {
  const NameRun& r = names_.runs()[run];
  uint32_t k = r.begin;
  // Over pre-modifiers and a determiner: "former adviser David Axelrod", "the senator".
  for (int steps = 0; k > 0 && steps < 5; ++steps) {
    uint32_t p = k - 1;
    if (!ctx_.is_word(p) || ctx_.paragraph(p) != ctx_.paragraph(r.begin)) break;
    uint32_t f = ctx_.flags(p);
    if (f & kDeterminer) {
      k = p;
      break;
    }
    // "state Rep. Gilda Cobb-Hunter": "state" modifies a title here, it is no verb.
    if ((f & kReportingVerb) && ctx_.lower(p) == "state" && r.name_begin > r.begin) {
      k = p;
      continue;
    }
    if (f & (kPreposition | kClauseWord | kReportingVerb | kPronoun | kBetween | kStopCap)) break;
    k = p;
  }
  if (k == 0 || ctx_.paragraph(k - 1) != ctx_.paragraph(k)) return true;
  uint32_t p = k - 1;
  if (ctx_.sentence_end(p) || ctx_.is_punct(p, ';') || ctx_.is_punct(p, ':') ||
      ctx_.is_punct(p, ','))
    return true;
  if (ctx_.quote_at(p) >= 0) return true;
  // "But Clinton said", "when Trump arrived" — not "Rubio and Cruz", where "and" coordinates.
  if (ctx_.is_word(p) && (ctx_.flags(p) & kClauseWord) && !(ctx_.flags(p) & kPreposition) &&
      ctx_.lower(p) != "and" && ctx_.lower(p) != "or")
    return true;
  return false;
}

int32_t SpeakerResolver::last_person_before(uint32_t at, int gender, bool subject_only,
                                            uint32_t after) const {
  const auto& runs = names_.runs();
  auto it =
      std::partition_point(runs.begin(), runs.end(), [&](const NameRun& r) { return r.end <= at; });
  int steps = 0;
  for (auto r = it; r != runs.begin() && steps < kMaxRunsBack; ++steps) {
    --r;
    if (r->begin < after) break;
    if (!r->person || r->bare_title() || ctx_.quote_at(r->begin) >= 0) continue;
    int32_t idx = static_cast<int32_t>(r - runs.begin());
    int g = gender_of(idx);
    if (gender != 0 && g != 0 && g != gender) continue;
    if (subject_only && !subject_position(idx)) continue;
    return idx;
  }
  return -1;
}

Resolved SpeakerResolver::resolve(const SourceMention& m) {
  Resolved none;
  switch (m.kind) {
    case MentionKind::kNone:
      return none;
    case MentionKind::kName:
      return {m.run, SpeakerSource::kNamed};
    case MentionKind::kPronoun: {
      if (!options_.resolve_pronouns) return none;
      std::string_view w = ctx_.lower(m.begin);
      if (w == "it") {
        if (last_thing_ >= 0) return {last_thing_, SpeakerSource::kPronoun};
        return none;
      }
      const int g = pronoun_gender(w);
      if (g == 0) return none;  // they, we, I: no single person
      int32_t subject = last_subject_;
      if (subject >= 0) {
        int sg = gender_of(subject);
        if (sg != 0 && sg != g) subject = -1;
      }
      const auto& runs = names_.runs();
      // Someone named since, in subject position, takes over.
      int32_t since = last_person_before(m.begin, g, true, subject >= 0 ? last_subject_at_ : 0);
      if (since >= 0 && subject >= 0 && runs[since].entity == runs[subject].entity) since = -1;
      if (since >= 0 && subject >= 0 && runs[since].begin < last_subject_at_) since = -1;
      int32_t chosen = since >= 0 ? since : subject;
      if (chosen < 0) chosen = last_person_before(m.begin, g, false, 0);
      if (chosen < 0) return none;
      // Learn the gender when nobody else was named since the previous attribution.
      if (chosen == subject && runs[chosen].entity >= 0 &&
          last_person_before(m.begin, 0, false, last_subject_at_) < 0 &&
          learned_gender_[runs[chosen].entity] == 0)
        learned_gender_[runs[chosen].entity] = static_cast<int8_t>(g);
      return {chosen, SpeakerSource::kPronoun};
    }
    case MentionKind::kNominal: {
      if (m.role.empty()) return none;
      const auto& runs = names_.runs();
      auto it = std::partition_point(runs.begin(), runs.end(),
                                     [&](const NameRun& r) { return r.end <= m.begin; });
      int steps = 0;
      for (auto r = it; r != runs.begin() && steps < kMaxRunsBack; ++steps) {
        --r;
        if (r->entity < 0 || r->bare_title()) continue;
        const auto& roles = names_.entities()[r->entity].roles;
        if (std::find(roles.begin(), roles.end(), m.role) != roles.end())
          return {static_cast<int32_t>(r - runs.begin()), SpeakerSource::kNominal};
      }
      return none;
    }
  }
  return none;
}

void SpeakerResolver::note(int32_t run, uint32_t at) {
  if (run < 0) return;
  // The subject of a reporting verb with a one-word name ("Madison said") is most likely a person.
  if (names_.could_be_person(run)) {
    last_subject_ = run;
    last_subject_at_ = at;
  } else {
    last_thing_ = run;
  }
}

}  // namespace crosscheck::quotes
