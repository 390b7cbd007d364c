// Whole-file reads and writes through zlib: reads inflate gzip files and pass other files through
// unchanged; writes compress.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/problem.h"

namespace crosscheck::entities {

Status read_file_maybe_gzip(const std::string& path, std::string* out);
Status write_gzip_file(const std::string& path, std::string_view bytes);

}  // namespace crosscheck::entities
