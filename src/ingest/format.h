// Deciding what a file is: by extension first (after a compression suffix), then by its content.
#pragma once

#include <string_view>

#include "crosscheck/ingest.h"

namespace crosscheck::ingest {

// Format from the file name alone (".txt" ".text" ".html" ".htm" ".jsonl" ".json" ".ndjson"
// ".warc", each optionally followed by ".gz"); kAuto when the name says nothing.
Format format_from_name(std::string_view name);

// True when the name ends in a compression suffix (.gz .zst .bz2): its format is decided by
// the rest of the name or, failing that, by content.
bool is_compression_name(std::string_view name);

// Format from the (decompressed) bytes: "WARC/" -> warc, '{' -> jsonl, HTML markers in the first
// KB -> html, else text.
Format sniff_format(std::string_view bytes);

// True when the first KB holds a typical HTML marker (<!doctype, <html, <head, <body, <div, <p).
bool looks_like_html(std::string_view bytes);

// True when the first 4 KB look like binary data: any NUL byte, or more than 30% control bytes.
bool looks_binary(std::string_view bytes);

const char* format_name(Format f);

}  // namespace crosscheck::ingest
