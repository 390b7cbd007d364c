// Any byte sequence through the HTML DOM builder, main-content extraction and page metadata: no
// crash, no sanitizer report, bounded output, and valid UTF-8 out whenever the input was valid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crosscheck/clean.h"
#include "crosscheck/utf8.h"
#include "src/clean/dom.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Extraction expects UTF-8 (ingest repairs it first); do the same so the output check is fair.
  std::string html;
  crosscheck::utf8::repair(bytes, html);
  crosscheck::clean::ExtractOptions options;
  options.min_content_chars = size % 3 == 0 ? 0 : 250;
  crosscheck::clean::ExtractedPage page = crosscheck::clean::extract_article(html, options);
  if (!crosscheck::utf8::is_valid(page.text) || !crosscheck::utf8::is_valid(page.title)) {
    std::abort();
  }
  if (page.removed.size() > options.max_removed + 1) std::abort();
  for (const crosscheck::Removed& r : page.removed) {
    if (!crosscheck::utf8::is_valid(r.text)) std::abort();
    if (r.text.size() > options.removed_text_bytes + 64) std::abort();
  }
  for (const std::string& a : page.authors) {
    if (!crosscheck::utf8::is_valid(a)) std::abort();
  }
  // A shallow depth cap exercises the flattening path.
  crosscheck::clean::DomOptions dom_options;
  dom_options.max_depth = 8;
  dom_options.max_nodes = 64;
  crosscheck::clean::Dom dom = crosscheck::clean::parse_dom(html, dom_options);
  if (dom.nodes.size() > 64 + 1) std::abort();
  for (size_t i = 1; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].parent >= i) std::abort();  // pre-order: parents come first
  }
  return 0;
}
