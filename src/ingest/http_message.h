// The HTTP response stored in a WARC response record: status line, headers, and the body with
// its transfer and content codings undone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::ingest {

struct HttpResponse {
  int status = 0;                 // 0 when the status line is not "HTTP/x.y NNN ..."
  std::string content_type;       // media type only, lower-case ("text/html")
  std::string charset;            // charset parameter of Content-Type, lower-case
  std::string transfer_encoding;  // lower-case
  std::string content_encoding;   // lower-case
  std::string_view body;          // raw body bytes (still transfer/content encoded)
};

// Splits status line, headers and body. False when `block` does not start with "HTTP/".
bool parse_http_response(std::string_view block, HttpResponse& out);

// Undoes "Transfer-Encoding: chunked". False when the chunk framing is broken; `out` then holds
// the chunks decoded before the break.
bool dechunk(std::string_view body, std::string& out);

}  // namespace crosscheck::ingest
