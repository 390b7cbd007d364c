// Within-article coreference by name, and the roles attached to people (see
// crosscheck/entity_linking.h for the rules). One pass over the mentions in text order; a
// mention compares only against the entities opened before it, so the cost is mentions × entities
// of one article (tens × tens).
#include <algorithm>
#include <array>
#include <string>

#include "crosscheck/ascii.h"
#include "crosscheck/entity_linking.h"
#include "src/entities/name_keys.h"

namespace crosscheck::entities {
namespace {

// Sorted. Nouns that name a role or title a person is introduced with.
constexpr std::array<std::string_view, 58> kRoleNouns = {
    "adviser",     "advisor",       "aide",           "ambassador", "analyst",      "attorney",
    "businessman", "businesswoman", "candidate",      "ceo",        "chair",        "chairman",
    "chairwoman",  "chancellor",    "chief",          "commander",  "commissioner", "correspondent",
    "counterpart", "deputy",        "diplomat",       "director",   "economist",    "editor",
    "envoy",       "executive",     "founder",        "general",    "governor",     "head",
    "judge",       "king",          "lawmaker",       "lawyer",     "leader",       "manager",
    "mayor",       "mediator",      "member",         "minister",   "negotiator",   "official",
    "owner",       "pope",          "premier",        "president",  "prince",       "professor",
    "prosecutor",  "queen",         "representative", "secretary",  "senator",      "sheriff",
    "spokesman",   "spokesperson",  "spokeswoman",    "strategist"};

bool is_role_noun(std::string_view norm) {
  return std::binary_search(kRoleNouns.begin(), kRoleNouns.end(), norm);
}

// Lower-case words that may stand inside a role phrase ("special envoy", "national security
// adviser", "foreign minister").
bool is_role_modifier(std::string_view norm) {
  static const std::string_view kWords[] = {
      "acting",   "assistant", "chief",      "deputy",         "economic", "executive",
      "first",    "foreign",   "former",     "general",        "interior", "justice",
      "national", "political", "press",      "prime",          "security", "senior",
      "special",  "state",     "top",        "vice",           "defence",  "defense",
      "finance",  "health",    "trade",      "regional",       "union",    "labour",
      "labor",    "transport", "opposition", "communications", "policy",   "intelligence",
      "military", "of"};
  for (std::string_view w : kWords)
    if (norm == w) return true;
  return false;
}

bool capitalised(std::string_view text) {
  return !text.empty() && ascii::is_upper(static_cast<unsigned char>(text[0]));
}

std::string_view norm_of(const Document& doc, uint32_t i) {
  return i < doc.norms.size() && !doc.norms[i].empty() ? std::string_view(doc.norms[i])
                                                       : doc.token_text(doc.tokens[i]);
}

// The sentence holding `token` (sentences are sorted and cover the tokens), by binary search.
const Sentence* sentence_of(const Document& doc, uint32_t token) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.token_end; });
  return it != doc.sentences.end() && token >= it->token_begin ? &*it : nullptr;
}

uint32_t sentence_start(const Document& doc, uint32_t token) {
  const Sentence* s = sentence_of(doc, token);
  return s ? s->token_begin : 0;
}

uint32_t sentence_end(const Document& doc, uint32_t token) {
  const Sentence* s = sentence_of(doc, token);
  return s ? s->token_end : static_cast<uint32_t>(doc.tokens.size());
}

std::string text_of(const Document& doc, uint32_t first, uint32_t last_exclusive) {
  if (first >= last_exclusive) return {};
  return std::string(doc.text.substr(doc.tokens[first].begin,
                                     doc.tokens[last_exclusive - 1].end - doc.tokens[first].begin));
}

// "White House envoy [Steve Witkoff]": a role noun right before the name, extended leftwards over
// modifiers and capitalised words.
std::string role_before(const Document& doc, const Mention& m) {
  uint32_t start = sentence_start(doc, m.token_begin);
  if (m.token_begin == start) return {};
  uint32_t i = m.token_begin - 1;
  if (!is_role_noun(norm_of(doc, i))) return {};
  uint32_t first = i;
  while (first > start) {
    uint32_t k = first - 1;
    const Token& t = doc.tokens[k];
    std::string_view text = doc.token_text(t);
    if (t.kind != TokenKind::kWord) break;
    if (capitalised(text) || is_role_modifier(norm_of(doc, k)) || is_role_noun(norm_of(doc, k))) {
      first = k;
      continue;
    }
    break;
  }
  // A capitalised sentence-initial article or similar is not part of the role.
  while (first < i && (norm_of(doc, first) == "the" || norm_of(doc, first) == "a" ||
                       norm_of(doc, first) == "and" || norm_of(doc, first) == "of"))
    ++first;
  return text_of(doc, first, i + 1);
}

// "[Dmitriev], a Kremlin envoy and businessman, said": an appositive that ends in a role noun.
std::string role_after(const Document& doc, const Mention& m) {
  uint32_t end = sentence_end(doc, m.token_begin);
  uint32_t i = m.token_end;
  if (i >= end || doc.token_text(doc.tokens[i]) != ",") return {};
  uint32_t first = i + 1, last = first;
  bool role = false;
  for (uint32_t k = first; k < end && k < first + 10; ++k) {
    std::string_view text = doc.token_text(doc.tokens[k]);
    if (text == "," || text == ";" || text == "(" || text == ")") break;
    if (doc.tokens[k].kind != TokenKind::kWord && doc.tokens[k].kind != TokenKind::kNumber &&
        text != "-" && text != "'s")
      break;
    if (is_role_noun(norm_of(doc, k))) {
      role = true;
      last = k + 1;
    }
  }
  if (!role) return {};
  // An appositive opens with a determiner, a capitalised word, a role word or a modifier — not a
  // verb ("Kushner, met Thursday with ... envoy" is not a role).
  std::string_view opener = norm_of(doc, first);
  bool opens = opener == "a" || opener == "an" || opener == "the" ||
               capitalised(doc.token_text(doc.tokens[first])) || is_role_noun(opener) ||
               is_role_modifier(opener);
  if (!opens) return {};
  return text_of(doc, first, last);
}

}  // namespace

std::vector<ArticleEntity> link_mentions(const Document& doc,
                                         const std::vector<Mention>& mentions) {
  std::vector<ArticleEntity> out;
  std::vector<std::vector<std::string>> entity_words;  // per entity: words of its fullest name
  std::vector<uint32_t> last_seen;                     // per entity: index of its latest mention
  for (uint32_t k = 0; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    if (m.token_begin >= m.token_end || m.token_end > doc.tokens.size()) continue;
    std::string surface = text_of(doc, m.token_begin, m.token_end);
    std::vector<std::string> words = name_words(surface);
    if (words.empty()) continue;
    int found = -1;
    for (size_t e = 0; e < out.size(); ++e) {
      if (out[e].type != m.type) continue;
      const std::vector<std::string>& ew = entity_words[e];
      bool same = ew == words;
      bool part = false;
      if (m.type == "PER" && !same) {
        // A shorter form: the surname or the first name of a fuller name, or the fuller name
        // of a surname seen before.
        if (words.size() == 1)
          part = words[0] == ew.back() || (ew.size() > 1 && words[0] == ew[0]);
        else if (ew.size() == 1)
          part = ew[0] == words.back();
      }
      if (same || part) {
        if (found < 0 || last_seen[e] > last_seen[static_cast<size_t>(found)])
          found = static_cast<int>(e);
      }
    }
    if (found < 0) {
      out.push_back({m.type, surface, {}, {}});
      entity_words.push_back(words);
      last_seen.push_back(k);
      found = static_cast<int>(out.size() - 1);
    } else if (words.size() > entity_words[static_cast<size_t>(found)].size()) {
      entity_words[static_cast<size_t>(found)] = words;  // "Witkoff" then "Steve Witkoff"
      out[static_cast<size_t>(found)].name = surface;
    }
    ArticleEntity& e = out[static_cast<size_t>(found)];
    e.mentions.push_back(k);
    last_seen[static_cast<size_t>(found)] = k;
    if (m.type == "PER") {
      for (const std::string& role : {role_before(doc, m), role_after(doc, m)})
        if (!role.empty() && std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end())
          e.roles.push_back(role);
    }
  }
  return out;
}

}  // namespace crosscheck::entities
