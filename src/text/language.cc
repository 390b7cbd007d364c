// detect_language(): CLD2 on a prefix of the text, reported as an ISO 639-1 code.
//
// CLD2 scores quadgrams (and unigrams for CJK) against per-language tables; it is fast (several
// hundred MB/s) and needs no model loading. Its codes are ISO 639-1 except for a few legacy or
// Google-specific ones, mapped here. An unreliable or unknown answer is "und": downstream stages
// then fall back to language-neutral behaviour rather than trust a guess.
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>

#include <string>
#include <string_view>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {

std::string detect_language(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    size_t n = max_bytes;
    while (n > 0 && !utf8::is_lead(text[n])) --n;
    text = text.substr(0, n);
  }
  if (text.empty()) return "und";
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                                             /*is_plain_text=*/true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  std::string code = CLD2::LanguageCode(lang);
  // "zh-Hant" -> "zh", "pt-PT" -> "pt".
  if (size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  // CLD2 keeps the withdrawn codes for these.
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "un" || code == "xxx" || code.empty()) return "und";
  return code;
}

}  // namespace crosscheck::text
