// A lightweight HTML tree for main-content extraction: an arena of nodes in document order built
// from HtmlTokenizer, with roughly the browser's implicit closing rules (a block start closes an
// open <p>, <li> closes <li>, <td> closes <td>, ...). Nothing here recurses: nodes are stored in
// pre-order, so a parent always has a smaller index than its children, and every whole-tree pass is
// a loop over indices (forward: top-down, backward: bottom-up).
//
//   crosscheck::clean::Dom dom = crosscheck::clean::parse_dom(html);
//   for (uint32_t i = 1; i < dom.nodes.size(); ++i) { const DomNode& n = dom.nodes[i]; ... }
//
// Only what extraction needs is kept: element tags, a lower-cased "hint" string made of the class,
// id, role and itemprop attributes, a few attributes (datetime, href of <a>), decoded text, and the
// page-level facts met on the way (title, <meta>, canonical link, <html lang>, JSON-LD blocks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/clean/html_tokenizer.h"

namespace crosscheck::clean {

inline constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct DomNode {
  HtmlTag tag = HtmlTag::kUnknown;  // kUnknown for text nodes and unlisted elements
  bool is_text = false;
  bool hidden =
      false;  // hidden attribute / display:none / visibility:hidden (script may reveal it)
  bool opaque = false;  // svg, math, video, audio, canvas, object, select: never text
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t depth = 0;
  // Text nodes: decoded text in Dom::text (whitespace not yet collapsed). Elements: the hint string
  // (class, id, role, itemprop, lower-cased, space separated) in Dom::text.
  uint32_t text_begin = 0;
  uint32_t text_size = 0;
  // <time datetime>, <a href>, <meta content> ...: one attribute value kept in Dom::text.
  uint32_t value_begin = 0;
  uint32_t value_size = 0;
};

struct DomOptions {
  // Elements nested deeper than this are flattened into their ancestor at this depth (their text is
  // kept, their structure is not): bounds every stack and every upward walk.
  uint32_t max_depth = 256;
  // Elements beyond this many are flattened the same way (their text is kept): bounds the arena
  // on huge pages.
  uint32_t max_nodes = 4'000'000;
};

struct Dom {
  std::vector<DomNode> nodes;  // nodes[0] is the document root (tag kHtml, no hint)
  std::string text;            // pool behind DomNode's text and value ranges
  // Page-level facts.
  std::string title;      // first <title>, decoded, whitespace collapsed
  std::string language;   // <html lang>, as written
  std::string canonical;  // <link rel=canonical href>
  std::vector<std::pair<std::string, std::string>> meta;  // (lower-cased name/property, content)
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  uint32_t body = 0;                 // the <body> element when there is one, else the root

  std::string_view node_text(const DomNode& n) const {
    return std::string_view(text).substr(n.text_begin, n.text_size);
  }
  std::string_view hint(const DomNode& n) const {
    return n.is_text ? std::string_view() : node_text(n);
  }
  std::string_view value(const DomNode& n) const {
    return std::string_view(text).substr(n.value_begin, n.value_size);
  }
};

// Any byte sequence gives a tree; time and memory are linear in the input.
Dom parse_dom(std::string_view html, const DomOptions& options = {});

// One past the last node of `node`'s subtree (subtrees are contiguous in pre-order). O(depth).
uint32_t subtree_end(const Dom& dom, uint32_t node);

// Visible text of a subtree, whitespace collapsed, at most `max_bytes` bytes (cut at a character
// boundary); hidden subtrees skipped. Blocks and <br> become single spaces.
std::string subtree_text(const Dom& dom, uint32_t node, size_t max_bytes);

}  // namespace crosscheck::clean
