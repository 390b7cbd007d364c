// HTML files: one article per file, kept as HTML (clean::html_to_text and main-content extraction
// work on it later). Only the charset is dealt with here: BOM, else <meta charset> / http-equiv in
// the first 4 KB, else UTF-8; anything else is converted with ICU so the body is always UTF-8.
#include <string>

#include "src/ingest/charset.h"
#include "src/ingest/readers.h"

namespace crosscheck::ingest {
namespace {

bool all_space(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

void read_html(ReadContext& ctx, std::string_view bytes) {
  Decoded decoded = decode_to_utf8(bytes, {}, /*sniff_meta=*/true);
  RawArticle a;
  a.id = ctx.file_id();
  a.origin = std::string(ctx.name());
  if (!decoded.warning.empty()) ctx.warning(a.id, decoded.warning);
  if (all_space(decoded.text)) {
    ctx.error(a.id, "no text (only whitespace)");
    return;
  }
  a.body = std::move(decoded.text);
  a.charset = std::move(decoded.charset);
  a.is_html = true;
  ctx.emit(std::move(a));
}

}  // namespace crosscheck::ingest
