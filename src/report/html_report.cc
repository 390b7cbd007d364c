// The report page is a template with markers ({{TITLE}}, {{CSS}}, {{JS}}, {{DATA}}, {{CONTEXT}});
// each is replaced in one left-to-right pass over the template, so text that arrives inside the
// data can never be taken for a marker.
#include "crosscheck/html_report.h"

#include <optional>
#include <utility>
#include <vector>

#include "crosscheck/json_writer.h"
#include "src/report/assets.h"

namespace crosscheck::report {
namespace {

constexpr const char* kReportTemplate = "report/assets/report.html";
constexpr const char* kReportStyle = "report/assets/report.css";
constexpr const char* kReportScript = "report/assets/report.js";
constexpr const char* kStoriesTemplate = "server/assets/stories.html";
constexpr const char* kStoriesScript = "server/assets/stories.js";

using Markers = std::vector<std::pair<std::string_view, std::string_view>>;

void fill(std::string& out, std::string_view page, const Markers& markers) {
  out.clear();
  out.reserve(page.size());
  size_t pos = 0;
  while (pos < page.size()) {
    size_t open = page.find("{{", pos);
    if (open == std::string_view::npos) break;
    size_t close = page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string_view name = page.substr(open + 2, close - open - 2);
    const std::string_view* value = nullptr;
    for (const auto& [marker, replacement] : markers)
      if (marker == name) value = &replacement;
    out.append(page.substr(pos, open - pos));
    if (value != nullptr) {
      out.append(*value);
    } else {
      out.append(page.substr(open, close + 2 - open));  // not ours: left as written
    }
    pos = close + 2;
  }
  out.append(page.substr(pos));
}

Status load(const char* name, std::string* out) {
  std::optional<std::string> asset = assets::find(name);
  if (!asset) return Status::error(std::string("HTML report: asset ") + name + " is missing");
  *out = std::move(*asset);
  return Status::ok();
}

// A style or script body must not close its own element early.
Status check_inline(const std::string& body, const char* closing, const char* name) {
  if (body.find(closing) != std::string::npos)
    return Status::error(std::string("HTML report: asset ") + name + " contains " + closing);
  return Status::ok();
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 64);
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";  // only ever inside a JSON string: outside them JSON has no '<'
    } else {
      out += c;
    }
  }
  return out;
}

Status write_html_report(std::string& out, std::string_view analysis_json, std::string_view title,
                         const HtmlReportOptions& options) {
  std::string page, style, script;
  if (Status s = load(kReportTemplate, &page); !s) return s;
  if (Status s = load(kReportStyle, &style); !s) return s;
  if (Status s = load(kReportScript, &script); !s) return s;
  if (Status s = check_inline(style, "</style", kReportStyle); !s) return s;
  if (Status s = check_inline(script, "</script", kReportScript); !s) return s;
  std::string context;
  JsonWriter w(context, 0);
  w.begin_object();
  w.key("mode").value(options.served ? "served" : "file");
  if (options.served) {
    w.key("stories_url").value(options.stories_url);
    w.key("story").value(options.story_id);
  }
  w.end_object();
  std::string escaped_title = html_escape(title);
  std::string data = json_for_script(analysis_json);
  std::string safe_context = json_for_script(context);
  fill(out, page,
       {{"TITLE", escaped_title},
        {"CSS", style},
        {"JS", script},
        {"DATA", data},
        {"CONTEXT", safe_context}});
  return Status::ok();
}

Status write_stories_page(std::string& out, std::string_view title) {
  std::string page, style, script;
  if (Status s = load(kStoriesTemplate, &page); !s) return s;
  if (Status s = load(kReportStyle, &style); !s) return s;
  if (Status s = load(kStoriesScript, &script); !s) return s;
  if (Status s = check_inline(style, "</style", kReportStyle); !s) return s;
  if (Status s = check_inline(script, "</script", kStoriesScript); !s) return s;
  std::string escaped_title = html_escape(title);
  fill(out, page, {{"TITLE", escaped_title}, {"CSS", style}, {"JS", script}});
  return Status::ok();
}

}  // namespace crosscheck::report
