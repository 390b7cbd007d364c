// extract_quotes(): pairing, then per quotation its shape (full or partial), its attribution and
// its speaker, in text order so that pronouns and continuations can look back.
//
// Partial or full. A full quotation stands as a clause of its own: it opens a paragraph or a
// sentence, or follows a colon, a cue ("said “…”") or a cue with a comma or "that" ("said,
// “…”", "said that “…”"); and it ends its clause: its last word carries the punctuation (“…,”
// / “….”), or a sentence end, comma, colon or the attribution follows it. Anything else is a
// few quoted words inside the writer's own sentence ("he called it a “disaster” and left"), kept
// with partial = true.
//
// Continuation. A full quotation with no pattern of its own continues the speaker of the quote
// before it when only the previous attribution and at most three other words lie between them
// and it is at most QuoteOptions::max_continuation_paragraphs paragraphs later: the shape of
// `"A," Smith said. "B."` and of a quote running on in the next paragraph.
#include <algorithm>

#include "crosscheck/quotes.h"
#include "src/quotes/attribution.h"
#include "src/quotes/context.h"
#include "src/quotes/lexicon.h"
#include "src/quotes/marks.h"
#include "src/quotes/names.h"
#include "src/quotes/speakers.h"

namespace crosscheck::quotes {
namespace {

bool is_dash(const TokenContext& ctx, uint32_t i) {
  std::string_view t = ctx.text(i);
  return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
}

bool terminal_inside(const TokenContext& ctx, uint32_t i) {
  if (ctx.token(i).kind == TokenKind::kWord || ctx.token(i).kind == TokenKind::kNumber)
    return false;
  std::string_view t = ctx.text(i);
  return t == "," || t == "." || t == "?" || t == "!" || t == ":" || t == ";" ||
         t == "\xE2\x80\xA6" || is_dash(ctx, i);
}

bool is_partial(const TokenContext& ctx, const Attributor& attributor, const Segment& s,
                bool attributed_after) {
  const uint32_t n = static_cast<uint32_t>(ctx.size());
  const uint32_t o = s.open_first, c = s.close_last;
  bool starts = o == 0 || ctx.paragraph(o - 1) != ctx.paragraph(o);
  uint32_t e0 = 0;
  if (!starts) {
    const uint32_t b = o - 1;
    uint32_t e = 0;
    if (ctx.sentence_end(b) || ctx.is_punct(b, ':') || ctx.is_punct(b, ';') ||
        ctx.is_punct(b, '(') || ctx.quote_at(b) >= 0 || is_dash(ctx, b) ||
        attributor.cue_at(b, &e)) {
      starts = true;
    } else if (ctx.lower(b) == "that" || ctx.is_punct(b, ',')) {
      // "said that “…”", "said, “…”", "told reporters on Monday, “…”"
      for (uint32_t k = b; k > 0 && b - k < 8; --k) {
        uint32_t p = k - 1;
        if (ctx.paragraph(p) != ctx.paragraph(b) || ctx.quote_at(p) >= 0 || ctx.sentence_end(p))
          break;
        if (attributor.cue_at(p, &e)) {
          starts = true;
          break;
        }
      }
    }
  }
  if (!starts) return true;
  // A short title-cased phrase with no cue on either side is a title or a slogan, not speech:
  // “The Apprentice,” “Make America Great Again.”
  if (!attributed_after &&
      (o == 0 || (!attributor.cue_at(o - 1, &e0) && !ctx.is_punct(o - 1, ':')))) {
    uint32_t words = 0, capitalised = 0;
    for (uint32_t k = s.open_last + 1; k < s.close_first; ++k) {
      if (!ctx.is_word(k)) continue;
      ++words;
      if (ctx.capitalised(k)) ++capitalised;
    }
    if (words >= 2 && words <= 5 && capitalised == words) return true;
  }
  bool ends = attributed_after || c + 1 >= n || ctx.paragraph(c + 1) != ctx.paragraph(c);
  if (!ends) {
    const uint32_t a = c + 1;
    ends = ctx.sentence_end(a) || ctx.is_punct(a, ',') || ctx.is_punct(a, ';') ||
           ctx.is_punct(a, ':') || ctx.is_punct(a, ')') || is_dash(ctx, a) ||
           ctx.quote_at(a) >= 0 || terminal_inside(ctx, s.close_first - 1);
  }
  return !ends;
}

// Words outside quotations in [begin, end), and whether a cue or a person's name is among them.
bool quiet_between(const TokenContext& ctx, const Attributor& attributor, const NameIndex& names,
                   uint32_t begin, uint32_t end) {
  uint32_t words = 0;
  for (uint32_t k = begin; k < end; ++k) {
    if (ctx.quote_at(k) >= 0) continue;
    if (ctx.token(k).kind != TokenKind::kWord && ctx.token(k).kind != TokenKind::kNumber) continue;
    uint32_t e = 0;
    if (attributor.cue_at(k, &e)) return false;
    int32_t r = names.starting_at(k);
    if (r >= 0 && names.runs()[r].person) return false;
    if (++words > 3) return false;
  }
  return true;
}

}  // namespace

const char* to_string(SpeakerSource s) {
  switch (s) {
    case SpeakerSource::kNone:
      return "none";
    case SpeakerSource::kNamed:
      return "named";
    case SpeakerSource::kPronoun:
      return "pronoun";
    case SpeakerSource::kNominal:
      return "nominal";
    case SpeakerSource::kContinuation:
      return "continuation";
  }
  return "none";
}

std::vector<Quote> extract_quotes(const Document& doc, const QuoteOptions& options,
                                  const std::vector<NameMention>* names) {
  std::vector<Quote> out;
  if (doc.tokens.empty()) return out;
  TokenContext ctx(doc);
  const std::vector<Segment> segments = pair_quotation_marks(ctx, options);
  if (segments.empty()) return out;
  for (size_t k = 0; k < segments.size(); ++k)
    ctx.set_quote(segments[k].open_first, segments[k].close_last + 1, static_cast<int32_t>(k));
  NameIndex index(ctx, names);
  Attributor attributor(ctx, index, options);
  SpeakerResolver resolver(ctx, index, options);

  struct Previous {
    std::optional<Speaker> speaker;
    uint32_t end = 0;        // first token after the quote and its attribution
    uint32_t paragraph = 0;  // paragraph of the closing mark
  };
  std::optional<Previous> previous;

  for (const Segment& s : segments) {
    Attribution a = attributor.after(s);
    const bool partial = is_partial(ctx, attributor, s, a.where == Placement::kAfter);
    if (a.where == Placement::kNone) a = attributor.before(s, partial);
    if (a.where == Placement::kNone && !partial) a = attributor.introduction(s);
    if (a.where == Placement::kNone && partial) a = attributor.later_in_sentence(s);

    Quote q;
    q.span = ctx.span(s.open_first, s.close_last + 1);
    q.text = std::string(ctx.span_text(s.open_first, s.close_last + 1));
    q.partial = partial;
    q.paragraphs = s.paragraphs;
    if (a.where != Placement::kNone) {
      if (a.cue_end > a.cue_begin) {
        q.cue.span = ctx.span(a.cue_begin, a.cue_end);
        q.cue.text = std::string(ctx.span_text(a.cue_begin, a.cue_end));
      }
      if (a.source.kind != MentionKind::kNone) {
        q.source = ctx.span(a.source.begin, a.source.end);
        Resolved r = resolver.resolve(a.source);
        if (r.run >= 0) {
          const NameRun& run = index.runs()[r.run];
          Speaker sp;
          sp.name = run.entity >= 0 ? index.entities()[run.entity].name
                                    : std::string(ctx.span_text(run.name_begin, run.end));
          sp.span = ctx.span(run.name_begin, run.end);
          sp.person = run.person;
          q.speaker = std::move(sp);
          q.how = r.how;
          resolver.note(r.run, std::max(a.end, s.close_last + 1));
        }
      }
    } else if (options.continuation && !partial && previous && previous->speaker &&
               ctx.paragraph(s.open_first) <=
                   previous->paragraph + options.max_continuation_paragraphs &&
               quiet_between(ctx, attributor, index, previous->end, s.open_first)) {
      q.speaker = previous->speaker;
      q.how = SpeakerSource::kContinuation;
    }
    // A continuation may follow the whole sentence of an attribution after the quote
    // (`"A," Smith said of Jones on Monday. "B."`).
    uint32_t end = s.close_last + 1;
    if (a.where == Placement::kAfter) {
      end = std::max(a.end, end);
      const uint32_t para = ctx.paragraph(s.close_last);
      for (uint32_t k = end; k < ctx.size() && k < end + options.max_tail_tokens; ++k) {
        if (ctx.paragraph(k) != para || ctx.quote_at(k) >= 0) break;
        if (ctx.sentence_end(k) || ctx.is_punct(k, ';')) {
          end = k + 1;
          break;
        }
      }
    }
    if (q.speaker || a.where != Placement::kNone || !partial)
      previous = Previous{q.speaker, end, ctx.paragraph(s.close_last)};
    if (!partial || options.include_partial) out.push_back(std::move(q));
  }
  return out;
}

}  // namespace crosscheck::quotes
