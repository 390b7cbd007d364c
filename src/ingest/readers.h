// The format readers. Each gets the whole (decompressed) input and reports through the context.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/ingest/context.h"

namespace crosscheck::ingest {

// One article per file: optional Title:/Source:/URL:/Date: header lines, a blank line, the body.
void read_text(ReadContext& ctx, std::string_view bytes);

// One article per file: the HTML, converted to UTF-8 from its declared charset.
void read_html(ReadContext& ctx, std::string_view bytes);

// One article per line. `truncated`: the input was cut short (truncated gzip), so a last line
// without its newline is a cut record, not a complete one. `lines_before`: lines of the same file
// already read (a file read in pieces), so messages name the line in the file. Returns the number
// of the last line read (lines_before when `bytes` is empty).
uint64_t read_jsonl(ReadContext& ctx, std::string_view bytes, bool truncated,
                    uint64_t lines_before = 0);

// WARC response records carrying HTML. A record cut by the end of input is reported either way;
// `truncated` only sharpens the message.
void read_warc(ReadContext& ctx, std::string_view bytes, bool truncated);

}  // namespace crosscheck::ingest
